from django.urls import path

from . import views

app_name = "contributions"

urlpatterns = [
    path("", views.contribute, name="contribute"),
    path("thanks/", views.thanks, name="thanks"),
]
