"""Forms on the staff side."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from peluit.accounts.models import User
from peluit.accounts.roles import CONTENT_ROLES, Role
from peluit.cases.models import Category, Channel, Referral
from peluit.cases.statuses import Status
from peluit.deadlines.models import DeadlinePolicy, ExtraHoliday
from peluit.reporter.forms import ReportForm
from peluit.routing.models import Concerns, Rule, Team


def _free_username(raw: str) -> str:
    username = raw.strip()
    User.username_validator(username)
    if User.objects.filter(username__iexact=username).exists():
        raise forms.ValidationError(_("This username is taken."))
    return username


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
    mine = forms.BooleanField(label=_("Only cases assigned to me"), required=False)


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReplyForm(MessageForm):
    question = forms.BooleanField(
        label=_("This is a question the reporter should answer"), required=False
    )


class StatusForm(forms.Form):
    """A move to the next status. Closing or rejecting becomes a proposal
    for a supervisor; a referral needs the agency, date and reference."""

    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Explanation for the reporter"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The reporter reads this. Write nothing that could harm the investigation."
        ),
    )
    agency = forms.ChoiceField(
        label=_("Referred to"),
        required=False,
        choices=[("", "—"), *Referral.Agency.choices],
        help_text=_("Only when referring the case."),
    )
    referred_on = forms.DateField(
        label=_("Date of referral"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reference = forms.CharField(
        label=_("Reference number of the referral letter"),
        max_length=100,
        required=False,
    )

    def __init__(self, *args, moves: list[Status] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        if moves is not None and isinstance(status, forms.ChoiceField):
            status.choices = [(m.value, m.label) for m in moves]

    def clean(self):
        data = super().clean() or {}
        if data.get("status") == Status.REFERRED:
            for name in ("agency", "referred_on", "reference"):
                if not data.get(name):
                    self.add_error(name, _("Needed for a referral."))
        return data


class ProtectionForm(forms.Form):
    agency = forms.CharField(label=_("Referred to"), max_length=100, initial="LPSK")
    referred_on = forms.DateField(
        label=_("Date of referral"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(
        label=_("Reference number"), max_length=100, required=False
    )


class HandoverForm(forms.Form):
    leaving = forms.ModelChoiceField(
        label=_("Whose cases (someone leaving or deactivated)"),
        queryset=User.objects.none(),
    )
    successor = forms.ModelChoiceField(
        label=_("Hand them to"), queryset=User.objects.none()
    )

    def __init__(self, *args, people=None, handlers=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (("leaving", people), ("successor", handlers)):
            field = self.fields[name]
            if queryset is not None and isinstance(field, forms.ModelChoiceField):
                field.queryset = queryset

    def clean(self):
        data = super().clean() or {}
        if data.get("leaving") and data.get("leaving") == data.get("successor"):
            raise forms.ValidationError(_("Choose two different people."))
        return data


class IdentityRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the investigation needs the reporter's identity"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("Approve")), ("0", _("Refuse"))], coerce=lambda v: v == "1"
    )


class PersonForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())

    def __init__(self, *args, people=None, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        if label is not None:
            person.label = label
        if people is not None and isinstance(person, forms.ModelChoiceField):
            person.queryset = people


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
        return _free_username(self.cleaned_data["username"])

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
    email = forms.EmailField(
        label=_("Work e-mail for notices (optional)"),
        required=False,
        help_text=_("Notices carry only a link, never anything from a report."),
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Handlers and supervisors receive the new reports of their teams."),
    )

    def clean_teams(self):
        teams = self.cleaned_data["teams"]
        if len({team.is_alternate for team in teams}) > 1:
            raise forms.ValidationError(
                _("Nobody can be in an alternate team and in another team.")
            )
        return teams

    def clean_roles(self):
        roles = set(self.cleaned_data["roles"])
        if Role.ADMINISTRATOR in roles and roles & CONTENT_ROLES:
            raise forms.ValidationError(
                _("An administrator cannot also read reports: use two accounts.")
            )
        return list(roles)

    def clean_username(self):
        return _free_username(self.cleaned_data["username"])


class AccountEditForm(AccountForm):
    """The same choices for an existing account; the username stays."""

    def __init__(self, *args, account: User, **kwargs):
        kwargs["initial"] = {
            "display_name": account.display_name,
            "email": account.email,
            "roles": list(account.grants.values_list("role", flat=True)),
            "teams": list(account.teams.all()),
        }
        super().__init__(*args, **kwargs)
        del self.fields["username"]


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name_id", "name_en", "position", "is_active"]


class HotlineForm(ReportForm):
    """The reporter's form, typed in by a hotline operator, plus how the
    report came in."""

    channel = forms.ChoiceField(
        label=_("How the report came in"),
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The operator fills this in for the caller: ask about them, not "you".
        self.fields["identity_choice"].label = _("Does the caller want to give a name?")
        self.fields["reporter_name"].label = _("Caller's name")
        self.fields["reporter_contact"].label = _("How to contact the caller")


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "is_alternate"]


class TeamMembersForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        if isinstance(members, forms.ModelMultipleChoiceField):
            members.queryset = User.objects.filter(
                grants__role__in=CONTENT_ROLES
            ).distinct()
            members.required = False

    def clean_members(self):
        members = self.cleaned_data["members"]
        other_side = Team.objects.filter(is_alternate=not self.instance.is_alternate)
        both = [
            m.username for m in members if m.teams.filter(pk__in=other_side).exists()
        ]
        if both:
            raise forms.ValidationError(
                _("Nobody can be in an alternate team and in another team: %(names)s")
                % {"names": ", ".join(both)}
            )
        return members


class RuleForm(forms.ModelForm):
    class Meta:
        model = Rule
        fields = ["team", "legal_advisors_join_at"]

    def clean_team(self):
        team = self.cleaned_data["team"]
        if self.instance.concerns != Concerns.OTHER and not team.is_alternate:
            raise forms.ValidationError(
                _(
                    "Reports about the Inspectorate or the Mayor's office must go "
                    "to an alternate team."
                )
            )
        return team

    def __init__(self, *args, concerns: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.concerns = concerns
        join_at = self.fields["legal_advisors_join_at"]
        self.fields["legal_advisors_join_at"] = forms.ChoiceField(
            label=join_at.label,
            required=False,
            choices=[("", _("Never")), *Status.choices],
        )


class PolicyForm(forms.ModelForm):
    # Longer than any regulation sets; beyond it date arithmetic overflows.
    LIMITS = {"calendar_days": 730, "working_days": 500, "calendar_months": 24}

    class Meta:
        model = DeadlinePolicy
        fields = ["amount", "unit"]

    def clean(self):
        data = super().clean() or {}
        limit = self.LIMITS.get(data.get("unit", ""))
        amount = data.get("amount")
        if limit is not None and amount is not None and not 1 <= amount <= limit:
            self.add_error(
                "amount",
                _("Choose between 1 and %(limit)d.") % {"limit": limit},
            )
        return data


class ExtraHolidayForm(forms.ModelForm):
    class Meta:
        model = ExtraHoliday
        fields = ["date", "name_id", "name_en"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
