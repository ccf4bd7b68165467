from django.urls import path

from factcheck.publishing import views

urlpatterns = [
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("<int:pk>/claimreview.json", views.report_claimreview, name="report_claimreview"),
]
