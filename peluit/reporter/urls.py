from django.urls import path
from django.utils.translation import gettext_lazy as _

from peluit.reporter import views

app_name = "reporter"

urlpatterns = [
    path("", views.home, name="home"),
    path(_("report/"), views.report_new, name="report_new"),
    path(_("follow-up/"), views.followup_login, name="followup_login"),
    path(_("follow-up/case/"), views.followup_case, name="followup_case"),
    path(_("follow-up/sign-out/"), views.followup_logout, name="followup_logout"),
    path(_("follow-up/confirm/"), views.followup_confirm, name="followup_confirm"),
    path(
        _("follow-up/stop-mail/"), views.followup_stop_mail, name="followup_stop_mail"
    ),
]
