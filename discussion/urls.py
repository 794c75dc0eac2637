from django.urls import path, re_path

from . import views

app_name = "discussion"

# Below a post's own path: "<post>/comments/feed/", "…/feed/atom/", "…/feed/json/".
POST_PATH = r"^(?P<path>(?:[-\w]+/)+)comments/"

urlpatterns = [
    path("comments/post/", views.post_comment, name="post"),
    path("comments/confirm/<str:token>/", views.confirm_email, name="confirm"),
    path("comments/unfollow/<str:token>/", views.unfollow, name="unfollow"),
    re_path(POST_PATH + r"$", views.comments_anchor, name="post_comments"),
    re_path(POST_PATH + r"feed/(?:(?P<feed_format>atom|json)/)?$", views.comment_feed, name="feed"),
]
