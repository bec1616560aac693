from django.urls import path
from django.utils.translation import gettext_lazy as _

from peluit.staff.views import (
    admin,
    audit,
    auth,
    case_people,
    cases,
    handling_settings,
    hotline,
    oversight,
    team,
)

app_name = "staff"

urlpatterns = [
    path("", auth.home, name="home"),
    path(_("sign-in/"), auth.LoginView.as_view(), name="login"),
    path(_("sign-out/"), auth.LogoutView.as_view(), name="logout"),
    path(_("activate/<str:token>/"), auth.activate, name="activate"),
    path(_("password/"), auth.password_change, name="password_change"),
    path(_("inbox/"), cases.inbox, name="inbox"),
    path(_("audit/"), audit.audit, name="audit"),
    path(_("hotline/"), hotline.hotline_intake, name="hotline"),
    path(_("deadlines/"), oversight.deadlines, name="deadlines"),
    path(_("deadlines/handover/"), oversight.handover, name="handover"),
    path(_("team/confirm/<int:grant_id>/"), team.confirm_role, name="confirm_role"),
    path(_("cases/<str:number>/"), cases.case_detail, name="case"),
    path(_("cases/<str:number>/reply/"), cases.case_reply, name="case_reply"),
    path(_("cases/<str:number>/note/"), cases.case_note, name="case_note"),
    path(_("cases/<str:number>/status/"), cases.case_status, name="case_status"),
    path(_("cases/<str:number>/decide/"), cases.case_decide, name="case_decide"),
    path(_("cases/<str:number>/assign/"), case_people.case_assign, name="case_assign"),
    path(_("cases/<str:number>/share/"), case_people.case_share, name="case_share"),
    path(
        _("cases/<str:number>/conflict/"),
        case_people.case_conflict,
        name="case_conflict",
    ),
    path(
        _("cases/<str:number>/exclude/"), case_people.case_exclude, name="case_exclude"
    ),
    path(
        _("cases/<str:number>/identity/"),
        case_people.case_identity_request,
        name="case_identity_request",
    ),
    path(
        _("cases/<str:number>/identity/decide/"),
        case_people.case_identity_decide,
        name="case_identity_decide",
    ),
    path(
        _("cases/<str:number>/protection/"),
        case_people.case_protection,
        name="case_protection",
    ),
    path(
        _("cases/<str:number>/files/<int:attachment_id>/"),
        cases.attachment_download,
        name="attachment",
    ),
    path(_("admin/accounts/"), admin.accounts, name="accounts"),
    path(
        _("admin/accounts/<int:user_id>/edit/"),
        admin.account_edit,
        name="account_edit",
    ),
    path(
        _("admin/accounts/<int:user_id>/active/"),
        admin.account_active,
        name="account_active",
    ),
    path(
        _("admin/accounts/<int:user_id>/new-link/"),
        admin.account_new_link,
        name="account_new_link",
    ),
    path(_("admin/categories/"), admin.categories, name="categories"),
    path(
        _("admin/categories/<int:category_id>/"),
        admin.category_edit,
        name="category_edit",
    ),
    path(_("admin/mail/"), admin.mail_status, name="mail_status"),
    path(
        _("admin/alerts/<int:alert_id>/resolve/"),
        admin.alert_resolve,
        name="alert_resolve",
    ),
    path(
        _("admin/handling/"),
        handling_settings.handling_settings,
        name="handling_settings",
    ),
    path(_("admin/handling/teams/"), handling_settings.team_create, name="team_create"),
    path(
        _("admin/handling/teams/<int:team_id>/"),
        handling_settings.team_members,
        name="team_members",
    ),
    path(
        _("admin/handling/rules/<str:concerns>/"),
        handling_settings.rule_save,
        name="rule_save",
    ),
    path(
        _("admin/handling/deadlines/<str:kind>/"),
        handling_settings.policy_save,
        name="policy_save",
    ),
    path(
        _("admin/handling/days-off/"),
        handling_settings.holiday_add,
        name="holiday_add",
    ),
    path(
        _("admin/handling/days-off/<int:holiday_id>/delete/"),
        handling_settings.holiday_delete,
        name="holiday_delete",
    ),
]
