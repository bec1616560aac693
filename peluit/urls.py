from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

# Indonesian pages live at the root, English ones under /en/. A language
# in the path, rather than a cookie, leaves nothing on the reporter's
# device and works with cookies and JavaScript off.
urlpatterns = i18n_patterns(
    path(_("staff/"), include("peluit.staff.urls")),
    path("", include("peluit.reporter.urls")),
    prefix_default_language=False,
)

if settings.PELUIT_BENCH_ENDPOINTS:
    from peluit.core import bench_views

    urlpatterns.insert(0, path("bench/discard/", bench_views.discard))

handler400 = "peluit.core.views.bad_request"
handler403 = "peluit.core.views.permission_denied"
handler404 = "peluit.core.views.not_found"
handler500 = "peluit.core.views.server_error"
