from django.core.management.base import BaseCommand, CommandError

from subscriptions import digest, subscribing


class Command(BaseCommand):
    help = (
        "Send the digest emails that are due, here and now (no task worker needed). "
        "Run it hourly from cron; it exits 1 if any digest could not be sent. Addresses "
        "whose confirmation link expired unused are deleted."
    )

    def handle(self, *args, **options):
        forgotten = subscribing.forget_unconfirmed()
        sent = failed = 0
        for subscriber_id in digest.due_subscriber_ids():
            try:
                sent += bool(digest.send_digest(subscriber_id))
            except Exception as error:  # one bad address or a busy server: go on with the rest
                failed += 1
                self.stderr.write(f"Subscriber {subscriber_id}: {error}")
        self.stdout.write(
            f"{sent} digest(s) sent, {failed} failed; "
            f"{forgotten} unconfirmed address(es) forgotten."
        )
        if failed:
            raise CommandError(f"{failed} digest(s) could not be sent; they are retried next run.")
