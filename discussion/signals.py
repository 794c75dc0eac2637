from django.dispatch import Signal

# Sent (sender=Comment) after comments change status in one UPDATE, which sends no
# post_save: a site that caches pages refreshes those that show comments.
comments_moderated = Signal()
