"""End to end, in a real browser: Rina reports, Hana handles, Rina follows up.

Runs twice, with JavaScript on and off: every page must work without it
(Tor Browser at its safest setting). URLs come from reverse() and page
text from the same gettext catalogs the app uses, so the test holds
while the Indonesian translation is being written.
"""

import re
import secrets
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Locator, Page, Response, expect

from peluit.accounts.roles import Role
from peluit.cases.models import Case, Category
from peluit.cases.statuses import REPORTER_EXPLANATIONS, Status
from tests.conftest import PASSWORD, SAMPLES, make_staff

pytestmark = pytest.mark.xdist_group("browser")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000
RECEIPT_SHOWN = re.compile(r"^\d{4} \d{4} \d{4} \d{4}$")


def url_for(live_server, name: str, *args, lang: str = "id") -> str:
    with translation.override(lang):
        return live_server.url + reverse(name, args=args)


def path_for(name: str, *args, lang: str = "id") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def open_context(browser: Browser, *, js: bool, viewport: dict, errors: list):
    context = browser.new_context(
        java_script_enabled=js, viewport=viewport, accept_downloads=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


def new_page(context, errors: list) -> Page:
    page = context.new_page()
    watch(page, errors)
    return page


def watch(page: Page, errors: list) -> None:
    """Collects what would show up red in the developer console: failed
    scripts, resources blocked by the content security policy, pages
    answering with an error. The browser's own guess at /favicon.ico is
    left out: the app declares no icon."""

    def console(message) -> None:
        where = message.location.get("url", "")
        if message.type == "error" and not where.endswith("/favicon.ico"):
            errors.append(f"console: {message.text} ({where} on {page.url})")

    def response(response: Response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            errors.append(f"{response.status} {response.url}")

    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", console)
    page.on("response", response)


def go(page: Page, url: str) -> Response:
    response = page.goto(url)
    assert response is not None and response.ok, (url, response and response.status)
    return response


def submit(page: Page, form: Locator) -> Response:
    """Clicks the form's own submit button and waits for the page that
    results, which must not be an error page."""
    expect(form).to_have_count(1)
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    response = navigation.value
    assert response is not None, "submitting the form loaded no page"
    assert response.ok, (
        f"{response.request.method} {response.url} -> {response.status} "
        f"(Origin: {response.request.header_value('origin')})"
    )
    return response


def follow_link(page: Page, href: str, scope: str = "body") -> None:
    link = page.locator(f'{scope} a[href="{href}"]').first
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(href), (page.url, href)


def shoot(page: Page, name: str, *, enabled: bool) -> None:
    if enabled:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def inbox_row(page: Page, title: str) -> Locator:
    row = page.locator("table.cases tbody tr").filter(has_text=title)
    expect(row).to_have_count(1)
    return row


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_a_report_travels_from_reporter_to_handler_and_back(
    js, live_server, chromium, default_categories, samples
):
    sample = samples[0]
    evidence = [SAMPLES / "evidence" / name for name in sample["evidence"]]
    extra_file = next(
        path
        for path in sorted((SAMPLES / "evidence").iterdir())
        if path.name not in sample["evidence"]
    )
    category = Category.objects.get(name_id=sample["category"])
    make_staff("hana", Role.HANDLER)
    unique = secrets.token_hex(4)
    reply_text = (
        f"Terima kasih atas laporan Anda. Kapan tepatnya uang diminta? [{unique}]"
    )
    reason_text = f"Bukti awal cukup untuk pemeriksaan lebih lanjut [{unique}]"
    answer_text = f"Uang diminta pada 14 September 2026 pukul 10.00 [{unique}]"
    errors: list[str] = []
    screenshots = js  # only one of the two runs writes the files

    # 1. Rina reports, in Indonesian, from her phone.
    rina = open_context(chromium, js=js, viewport=PHONE, errors=errors)
    page = new_page(rina, errors)
    go(page, url_for(live_server, "reporter:home"))
    assert page.locator("html").get_attribute("lang") == "id"
    shoot(page, "landing.png", enabled=screenshots)

    follow_link(page, path_for("reporter:report_new"), scope="main")
    form = page.locator("main form").filter(has=page.locator("input[name=nonce]"))
    form.locator("select[name=category]").select_option(str(category.pk))
    for field in ("title", "what", "who", "where", "when", "how_known"):
        form.locator(f"[name={field}]").fill(sample[field])
    form.locator("input[name=estimated_loss]").fill(str(sample["estimated_loss_idr"]))
    form.locator("input[name=identity_choice][value=anonymous]").check()
    form.locator("input[name=evidence]").set_input_files(evidence)
    shoot(page, "report-form.png", enabled=screenshots)

    submit(page, form)
    receipt_code = page.locator("#receipt-code")
    expect(receipt_code).to_be_visible()
    receipt = receipt_code.inner_text().strip()
    assert RECEIPT_SHOWN.match(receipt), receipt
    shoot(page, "receipt.png", enabled=screenshots)
    rina.close()

    assert Case.objects.count() == 1
    assert Case.objects.get().attachments.count() == len(evidence)

    # 2. Hana signs in, finds the report and answers it.
    hana = open_context(chromium, js=js, viewport=DESKTOP, errors=errors)
    staff = new_page(hana, errors)
    go(staff, url_for(live_server, "staff:login"))
    login = staff.locator("main form").filter(has=staff.locator("input[name=password]"))
    login.locator("input[name=username]").fill("hana")
    login.locator("input[name=password]").fill(PASSWORD)
    submit(staff, login)

    inbox_path = path_for("staff:inbox")
    follow_link(staff, inbox_path, scope="nav")
    case_link = inbox_row(staff, sample["title"]).locator("a").first
    number = case_link.inner_text().strip()
    case_path = path_for("staff:case", number)
    assert case_link.get_attribute("href") == case_path
    with staff.expect_navigation():
        case_link.click()
    assert staff.url.endswith(case_path)

    report = staff.locator("section.report")
    expect(report).to_contain_text(sample["title"])
    expect(report).to_contain_text(sample["what"])
    file_links = report.locator("ul.files a")
    expect(file_links).to_have_count(len(evidence))
    for path in evidence:
        expect(file_links.filter(has_text=path.name)).to_have_count(1)

    first = file_links.filter(has_text=evidence[0].name)
    with staff.expect_download() as download_info:
        first.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == evidence[0].name
    assert Path(download.path()).read_bytes(), "the downloaded evidence is empty"

    reply_form = staff.locator(f'form[action="{path_for("staff:case_reply", number)}"]')
    reply_form.locator("textarea[name=body]").fill(reply_text)
    submit(staff, reply_form)
    assert staff.url.endswith(case_path)
    expect(staff.locator("section.work article.message.from-staff")).to_contain_text(
        reply_text
    )

    status_form = staff.locator(
        f'form[action="{path_for("staff:case_status", number)}"]'
    )
    status_form.locator("select[name=status]").select_option(Status.VERIFICATION.value)
    status_form.locator("textarea[name=reason]").fill(reason_text)
    submit(staff, status_form)
    assert staff.url.endswith(case_path)
    expect(staff.locator(f"h1 .status-{Status.VERIFICATION.value}")).to_have_count(1)
    expect(staff.locator(".timeline .reason")).to_contain_text(reason_text)

    # 3. Rina comes back later, on a browser that remembers nothing.
    rina = open_context(chromium, js=js, viewport=PHONE, errors=errors)
    page = new_page(rina, errors)
    go(page, url_for(live_server, "reporter:followup_login"))
    followup = page.locator("main form").filter(has=page.locator("input[name=receipt]"))
    followup.locator("input[name=receipt]").fill(receipt.replace(" ", "-"))
    submit(page, followup)
    assert page.url.endswith(path_for("reporter:followup_case"))

    with translation.override("id"):
        status_label = str(Status.VERIFICATION.label)
        status_explanation = str(REPORTER_EXPLANATIONS[Status.VERIFICATION])
    status = page.locator(f".status-box .status-{Status.VERIFICATION.value}")
    expect(status).to_have_text(status_label)
    expect(page.locator(".status-box")).to_contain_text(status_explanation)
    expect(page.locator(".timeline .reason")).to_contain_text(reason_text)
    expect(page.locator("article.message.from-staff")).to_contain_text(reply_text)

    answer = page.locator("main form").filter(has=page.locator("textarea[name=body]"))
    answer.locator("textarea[name=body]").fill(answer_text)
    answer.locator("input[name=evidence]").set_input_files(extra_file)
    submit(page, answer)
    assert page.url.endswith(path_for("reporter:followup_case"))
    mine = page.locator("article.message.from-reporter")
    expect(mine).to_contain_text(answer_text)
    expect(mine.locator("ul.files")).to_contain_text(extra_file.name)
    expect(page.locator(".notices .notice.success")).to_have_count(1)
    shoot(page, "followup.png", enabled=screenshots)
    rina.close()

    # 4. Hana sees that Rina answered, before and after opening the case.
    go(staff, live_server.url + inbox_path)
    row = inbox_row(staff, sample["title"])
    expect(row).to_have_class(re.compile(r"\bunread\b"))
    expect(row.locator(".badge")).to_have_count(1)

    with staff.expect_navigation():
        row.locator(f'a[href="{case_path}"]').click()
    conversation = staff.locator("section.work article.message.from-reporter")
    expect(conversation).to_contain_text(answer_text)
    expect(conversation.locator("ul.files a")).to_have_text(extra_file.name)
    shoot(staff, "handler-case.png", enabled=screenshots)

    go(staff, live_server.url + inbox_path)
    row = inbox_row(staff, sample["title"])
    expect(row).not_to_have_class(re.compile(r"\bunread\b"))
    expect(row.locator(".badge")).to_have_count(0)
    hana.close()

    assert errors == []
