"""Forms on the staff side."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from peluit.accounts.models import User
from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.cases.models import Category
from peluit.cases.statuses import Status


class InboxFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Status.choices],
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=Category.objects.all(),
        empty_label=_("All categories"),
    )
    unread = forms.BooleanField(label=_("Only with unread messages"), required=False)


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Explanation for the reporter"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The reporter reads this. Write nothing that could harm the investigation."
        ),
    )


class ActivationForm(forms.Form):
    """Sets the password of an invited account; for the very first
    administrator it also chooses the username."""

    username = forms.CharField(label=_("Username"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user: User | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None:
            del self.fields["username"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username

    def clean(self):
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match."))
        elif first:
            candidate = self.user or User(username=data.get("username", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class AccountForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    display_name = forms.CharField(
        label=_("Display name"), max_length=150, required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean_roles(self):
        roles = set(self.cleaned_data["roles"])
        if Role.ADMINISTRATOR in roles and roles & CONTENT_ROLES:
            raise forms.ValidationError(
                _("An administrator cannot also read reports: use two accounts.")
            )
        return list(roles)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name_id", "name_en", "position", "is_active"]
