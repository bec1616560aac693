"""Forms a reporter fills in. Every message they can see is translated."""

import re
import secrets

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from peluit.cases.content import Identity, ReportContent
from peluit.cases.models import Category
from peluit.routing.models import Concerns

MAX_LOSS = 10**15  # a thousand trillion rupiah; anything above is a typo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files in one input, each checked on its own."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data or []) if item]
        if len(uploads) > settings.PELUIT_MAX_FILES:
            raise forms.ValidationError(
                ngettext(
                    "You can attach at most %(count)d file at a time.",
                    "You can attach at most %(count)d files at a time.",
                    settings.PELUIT_MAX_FILES,
                )
                % {"count": settings.PELUIT_MAX_FILES}
            )

        errors = [error for upload in uploads if (error := _file_error(upload))]
        if errors:
            raise forms.ValidationError(errors)
        return uploads

    def bound_data(self, data, initial):
        return initial


def _file_error(upload) -> forms.ValidationError | None:
    name = upload.name or _("(no name)")
    if getattr(upload, "too_large", False):
        return forms.ValidationError(
            _("“%(name)s” is larger than the limit of %(limit)s."),
            params={
                "name": name,
                "limit": filesizeformat(settings.PELUIT_MAX_FILE_BYTES),
            },
        )
    if upload.size == 0:
        return forms.ValidationError(
            _("“%(name)s” is empty. Please choose the file again."),
            params={"name": name},
        )
    return None


class RupiahField(forms.CharField):
    """Accepts amounts as people write them (2500000, 2.500.000,
    Rp 2.500.000,-) but guesses at nothing else, such as "2,5 juta"."""

    def to_python(self, value):
        value = (super().to_python(value) or "").strip()
        if not value:
            return None
        if len(value) > 40:
            raise forms.ValidationError(_("That amount is too large to be right."))

        digits = re.sub(r"^(rp\.?)\s*|[.\s]|,-$|,00$", "", value, flags=re.IGNORECASE)
        if not digits.isascii() or not digits.isdigit():
            raise forms.ValidationError(
                _("Write the amount in whole rupiah using digits, e.g. 2.500.000.")
            )
        amount = int(digits)
        if amount > MAX_LOSS:
            raise forms.ValidationError(_("That amount is too large to be right."))
        return amount


class ReportForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("What kind of wrongdoing is it?"),
        queryset=Category.objects.filter(is_active=True),
        empty_label=_("Choose a category"),
    )
    title = forms.CharField(
        label=_("Summary in one sentence"),
        max_length=200,
        help_text=_("For example: “Extra fee asked for a building permit”."),
    )
    what = forms.CharField(
        label=_("What happened?"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Describe the events in order: what was asked or done, and what "
            "happened next. Facts you saw or heard are more useful than opinions."
        ),
    )
    who = forms.CharField(
        label=_("Who was involved, and what is their position?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Names if you know them, otherwise their job or desk, e.g. "
            "“officer at counter 3 and their supervisor”."
        ),
    )
    where = forms.CharField(
        label=_("Where did it happen? Which office or unit?"),
        max_length=500,
        help_text=_("The agency, office or unit, and the place if relevant."),
    )
    when = forms.CharField(
        label=_("When did it happen?"),
        max_length=200,
        help_text=_(
            "A date, a month or a period, e.g. “14 September 2026” or "
            "“since June 2026”."
        ),
    )
    how_known = forms.CharField(
        label=_("How do you know about it?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "For example: it happened to you, you saw documents, someone told you. "
            "Leave out anything that would identify you if you want to stay anonymous."
        ),
    )
    estimated_loss = RupiahField(
        label=_("Estimated loss in rupiah (if known)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("Whole rupiah, e.g. 2.500.000. Leave empty if you do not know."),
    )
    evidence = EvidenceField(label=_("Evidence (optional)"))
    concerns = forms.ChoiceField(
        label=_("Does the report concern the Inspectorate or the Mayor?"),
        choices=Concerns.choices,
        initial=Concerns.OTHER,
        widget=forms.RadioSelect,
        help_text=_(
            "If it does, it goes only to an alternate team outside the "
            "Inspectorate, so that nobody handles a report about themselves."
        ),
    )
    identity_choice = forms.ChoiceField(
        label=_("Do you want to give your name?"),
        choices=[
            ("anonymous", _("No, stay anonymous")),
            ("confidential", _("Yes, confidentially, so handlers can contact me")),
        ],
        initial="anonymous",
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(
        label=_("Your name"), max_length=200, required=False
    )
    reporter_contact = forms.CharField(
        label=_("How to contact you (phone or e-mail)"), max_length=200, required=False
    )
    reporter_relation = forms.CharField(
        label=_("Your relation to the matter (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example: employee of the office, resident, supplier."),
    )
    news_email = forms.EmailField(
        label=_("E-mail me when there is news (optional)"),
        required=False,
        help_text=_(
            "The e-mail only says that there is news, never what it is. Your "
            "address is kept apart from your report, but it can identify you: "
            "leave it empty to stay fully anonymous, and use an address your "
            "employer cannot read."
        ),
    )
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nonce"].initial = secrets.token_hex(16)
        # Browsers remember what is typed into forms; on a shared or seized
        # device that history would give the reporter away.
        for field in self.fields.values():
            field.widget.attrs.setdefault("autocomplete", "off")
        self.fields["evidence"].help_text = _(
            "Photos, documents or screenshots: up to %(count)d files, "
            "each at most %(limit)s."
        ) % {
            "count": settings.PELUIT_MAX_FILES,
            "limit": filesizeformat(settings.PELUIT_MAX_FILE_BYTES),
        }

    def clean(self):
        data = super().clean() or {}
        if data.get("identity_choice") == "confidential":
            if not data.get("reporter_name", "").strip():
                self.add_error(
                    "reporter_name",
                    _("Please give your name, or choose to stay anonymous."),
                )
            if not data.get("reporter_contact", "").strip():
                self.add_error(
                    "reporter_contact", _("Please say how handlers can reach you.")
                )
        return data

    def filing(self) -> dict:
        """What intake.file_report needs from this form."""
        data = self.cleaned_data
        return {
            "report": self.report(),
            "category": data["category"],
            "uploads": data["evidence"],
            "nonce": data["nonce"],
            "concerns": data["concerns"],
            "news_email": data["news_email"],
        }

    def report(self) -> ReportContent:
        data = self.cleaned_data
        identity = None
        if data["identity_choice"] == "confidential":
            identity = Identity(
                name=data["reporter_name"].strip(),
                contact=data["reporter_contact"].strip(),
                relation=data["reporter_relation"].strip(),
            )
        return ReportContent(
            title=data["title"].strip(),
            what=data["what"].strip(),
            who=data["who"].strip(),
            where=data["where"].strip(),
            when=data["when"].strip(),
            how_known=data["how_known"].strip(),
            estimated_loss=data["estimated_loss"],
            identity=identity,
        )


class UnechoedTextInput(forms.TextInput):
    """A text box that never writes a submitted value back into the page,
    so a receipt typed on a shared screen does not linger in its HTML."""

    def format_value(self, value):
        return None


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Receipt code"),
        max_length=40,
        help_text=_("The 16 digits you were given. Spaces and dashes are fine."),
        widget=UnechoedTextInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence = EvidenceField(label=_("Add evidence (optional)"))
    retaliation = forms.BooleanField(
        label=_("I am facing retaliation because of this report"),
        required=False,
        help_text=_(
            "For example a transfer, a demotion, threats or being left out. The "
            "legal advisors are told at once and can refer you for protection."
        ),
    )

    def clean(self):
        data = super().clean() or {}
        if (
            not self.errors
            and not data.get("body", "").strip()
            and not data.get("evidence")
        ):
            raise forms.ValidationError(_("Write a message or attach a file."))
        return data
