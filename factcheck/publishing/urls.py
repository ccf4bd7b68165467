from django.urls import path, re_path

from factcheck.publishing import views

urlpatterns = [
    # Members only: the id URLs preview an unpublished report, or lead on to the public one.
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("<int:pk>/claimreview.json", views.report_claimreview, name="report_claimreview"),
    # Public: a slug for people (in the title's own letters: Arabic and Hebrew titles keep theirs),
    # then the unguessable token that finds the report (the slug may change).
    re_path(r"^(?P<slug>[-\w]+)-(?P<token>[a-z0-9]{16})/$", views.report_public, name="report_public"),
    re_path(r"^(?P<slug>[-\w]+)-(?P<token>[a-z0-9]{16})/claimreview\.json$", views.report_public_claimreview,
            name="report_public_claimreview"),
]
