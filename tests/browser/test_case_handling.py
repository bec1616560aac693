"""End to end, in a real browser: a case from report to closure and after.

Rina reports; Sari, the supervisor, assigns Hana; Hana moves the case on
and proposes to close it; Sari approves; Rina reads the outcome and
reports retaliation; Lia, the legal advisor, records a protection
referral. Four people, four browsers that share nothing.

The pages, helpers and conventions are those of test_report_roundtrip:
URLs from reverse(), page text from the app's own gettext catalogs,
forms found by their fields and actions. One run, with JavaScript on:
the no-JavaScript path of every form used here is the same plain POST.
"""

import secrets

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Browser, BrowserContext, Page, expect

from peluit.accounts.models import User
from peluit.accounts.roles import Role
from peluit.cases.models import Case, Category, ProtectionReferral
from peluit.cases.statuses import REPORTER_EXPLANATIONS, Status
from tests.browser.test_report_roundtrip import (
    DESKTOP,
    PHONE,
    RECEIPT_SHOWN,
    go,
    inbox_row,
    new_page,
    open_context,
    path_for,
    shoot,
    submit,
    url_for,
)
from tests.conftest import PASSWORD, SAMPLES, make_staff

pytestmark = pytest.mark.xdist_group("browser")


def sign_in(
    browser: Browser, live_server, user: User, *, js: bool, errors: list
) -> tuple[BrowserContext, Page]:
    """A staff member's own browser, signed in through the real page
    (which is where their private key is unlocked)."""
    context = open_context(browser, js=js, viewport=DESKTOP, errors=errors)
    page = new_page(context, errors)
    go(page, url_for(live_server, "staff:login"))
    login = page.locator("main form").filter(has=page.locator("input[name=password]"))
    login.locator("input[name=username]").fill(user.username)
    login.locator("input[name=password]").fill(PASSWORD)
    submit(page, login)
    return context, page


def form_posting_to(page: Page, name: str, number: str, scope: str = "main"):
    return page.locator(f'{scope} form[action="{path_for(name, number)}"]')


def move(page: Page, number: str, status: Status, reason: str) -> None:
    """Hana's status form: the next status and the reporter's explanation."""
    form = form_posting_to(page, "staff:case_status", number)
    form.locator("select[name=status]").select_option(status.value)
    form.locator("textarea[name=reason]").fill(reason)
    submit(page, form)
    assert page.url.endswith(path_for("staff:case", number))


@pytest.mark.parametrize("js", [True], ids=["js"])
def test_a_case_is_handled_closed_and_followed_by_protection(
    js, live_server, chromium, default_categories, samples
):
    sample = samples[0]
    evidence = [SAMPLES / "evidence" / name for name in sample["evidence"]]
    category = Category.objects.get(name_id=sample["category"])
    hana = make_staff("hana", Role.HANDLER)
    sari = make_staff("sari", Role.SUPERVISOR)
    lia = make_staff("lia", Role.LEGAL_ADVISOR)
    unique = secrets.token_hex(4)
    verification_reason = f"Laporan sedang diperiksa kelengkapannya [{unique}]"
    investigation_reason = f"Laporan lengkap, pemeriksaan dimulai [{unique}]"
    closure_reason = (
        f"Pungutan terbukti; petugas loket 3 dijatuhi sanksi disiplin [{unique}]"
    )
    retaliation_text = f"Saya dipindahkan ke kantor lain sejak pekan lalu [{unique}]"
    protection_reference = f"LPSK/{unique}/2026"
    referred_on = timezone.localdate()
    errors: list[str] = []

    # 1. Rina reports from her phone and keeps the receipt.
    rina = open_context(chromium, js=js, viewport=PHONE, errors=errors)
    page = new_page(rina, errors)
    go(page, url_for(live_server, "reporter:report_new"))
    form = page.locator("main form").filter(has=page.locator("input[name=nonce]"))
    form.locator("select[name=category]").select_option(str(category.pk))
    for field in ("title", "what", "who", "where", "when", "how_known"):
        form.locator(f"[name={field}]").fill(sample[field])
    form.locator("input[name=estimated_loss]").fill(str(sample["estimated_loss_idr"]))
    form.locator("input[name=identity_choice][value=anonymous]").check()
    form.locator("input[name=evidence]").set_input_files(evidence)
    expect(form.locator("input[name=concerns][value=other]")).to_be_checked()
    submit(page, form)
    receipt_code = page.locator("#receipt-code")
    expect(receipt_code).to_be_visible()
    receipt = receipt_code.inner_text().strip()
    assert RECEIPT_SHOWN.match(receipt), receipt
    rina.close()

    # 2. Sari opens the new report from her inbox and assigns Hana.
    sari_context, supervisor = sign_in(
        chromium, live_server, sari, js=js, errors=errors
    )
    go(supervisor, url_for(live_server, "staff:inbox"))
    case_link = inbox_row(supervisor, sample["title"]).locator("a").first
    number = case_link.inner_text().strip()
    case_path = path_for("staff:case", number)
    assert case_link.get_attribute("href") == case_path
    with supervisor.expect_navigation():
        case_link.click()
    assert supervisor.url.endswith(case_path)
    expect(supervisor.locator("#assignee")).not_to_have_text(str(hana))

    assign = form_posting_to(supervisor, "staff:case_assign", number)
    assign.locator("select[name=person]").select_option(str(hana.pk))
    submit(supervisor, assign)
    assert supervisor.url.endswith(case_path)
    expect(supervisor.locator("#assignee")).to_have_text(str(hana))

    # 3. Hana verifies, investigates, and proposes to close the case.
    hana_context, handler = sign_in(chromium, live_server, hana, js=js, errors=errors)
    go(handler, live_server.url + case_path)
    expect(handler.locator("#assignee")).to_have_text(str(hana))
    move(handler, number, Status.VERIFICATION, verification_reason)
    expect(handler.locator(f"h1 .status-{Status.VERIFICATION.value}")).to_have_count(1)
    move(handler, number, Status.INVESTIGATION, investigation_reason)
    expect(handler.locator(f"h1 .status-{Status.INVESTIGATION.value}")).to_have_count(1)
    move(handler, number, Status.PROVEN, closure_reason)

    proposal = handler.locator("#proposal")
    expect(proposal).to_be_visible()
    expect(proposal.locator(".reason")).to_contain_text(closure_reason)
    expect(form_posting_to(handler, "staff:case_decide", number)).to_have_count(0)
    expect(proposal.locator("button")).to_have_count(0)
    # A proposal is not yet a closure: the case stays under investigation.
    expect(handler.locator(f"h1 .status-{Status.INVESTIGATION.value}")).to_have_count(1)
    expect(form_posting_to(handler, "staff:case_status", number)).to_have_count(0)
    hana_context.close()

    # 4. Sari sees the proposal and approves it.
    go(supervisor, live_server.url + case_path)
    proposal = supervisor.locator("#proposal")
    expect(proposal).to_be_visible()
    expect(proposal.locator(".reason")).to_contain_text(closure_reason)
    decide = proposal.locator(f'form[action="{path_for("staff:case_decide", number)}"]')
    expect(decide).to_have_count(2)
    # Approving is the first of the two.
    approve = decide.first
    expect(approve.locator("input[name=approve]")).to_have_value("1")
    shoot(supervisor, "supervisor-approval.png", enabled=True)

    submit(supervisor, approve)
    assert supervisor.url.endswith(case_path)
    expect(supervisor.locator(f"h1 .status-{Status.PROVEN.value}")).to_have_count(1)
    expect(supervisor.locator("#proposal")).to_have_count(0)
    sari_context.close()
    assert Case.objects.get(number=number).status == Status.PROVEN

    # 5. Rina, on a browser that remembers nothing, reads the outcome and
    # reports retaliation.
    rina = open_context(chromium, js=js, viewport=PHONE, errors=errors)
    page = new_page(rina, errors)
    go(page, url_for(live_server, "reporter:followup_login"))
    followup = page.locator("main form").filter(has=page.locator("input[name=receipt]"))
    followup.locator("input[name=receipt]").fill(receipt)
    submit(page, followup)
    assert page.url.endswith(path_for("reporter:followup_case"))

    with translation.override("id"):
        status_label = str(Status.PROVEN.label)
        status_explanation = str(REPORTER_EXPLANATIONS[Status.PROVEN])
    status = page.locator(f".status-box .status-{Status.PROVEN.value}")
    expect(status).to_have_text(status_label)
    expect(page.locator(".status-box")).to_contain_text(status_explanation)
    closing = page.locator(".timeline li").filter(has_text=closure_reason)
    expect(closing).to_have_count(1)
    expect(closing).to_contain_text(status_label)
    # Reporters never learn who handles their case.
    expect(page.locator("main")).not_to_contain_text(str(hana))
    shoot(page, "reporter-outcome.png", enabled=True)

    answer = page.locator("main form").filter(has=page.locator("textarea[name=body]"))
    answer.locator("textarea[name=body]").fill(retaliation_text)
    answer.locator("input[name=retaliation]").check()
    submit(page, answer)
    assert page.url.endswith(path_for("reporter:followup_case"))
    expect(page.locator("article.message.from-reporter")).to_contain_text(
        retaliation_text
    )
    expect(page.locator(".notices .notice.success")).to_have_count(1)
    rina.close()

    # 6. Lia, who joined the case when it went under investigation, sees
    # the retaliation and records a protection referral.
    lia_context, advisor = sign_in(chromium, live_server, lia, js=js, errors=errors)
    go(advisor, url_for(live_server, "staff:inbox"))
    inbox_row(advisor, sample["title"])
    go(advisor, live_server.url + case_path)
    retaliation = advisor.locator("#retaliation")
    expect(retaliation).to_be_visible()
    expect(
        advisor.locator("section.work article.message.from-reporter")
    ).to_contain_text(retaliation_text)

    protection = form_posting_to(
        advisor, "staff:case_protection", number, scope="#retaliation"
    )
    protection.locator("input[name=agency]").fill("LPSK")
    protection.locator("input[name=referred_on]").fill(referred_on.isoformat())
    protection.locator("input[name=reference]").fill(protection_reference)
    submit(advisor, protection)
    assert advisor.url.endswith(case_path)
    expect(advisor.locator("#retaliation")).to_contain_text(protection_reference)
    lia_context.close()

    referral = ProtectionReferral.objects.get(case__number=number)
    assert referral.referred_on == referred_on
    # Agency and reference are sealed with the case key, not stored plain.
    assert protection_reference.encode() not in bytes(referral.sealed_details)
    assert referral.recorded_by == lia
    assert Case.objects.get(number=number).retaliation_reported_at is not None

    assert errors == []
