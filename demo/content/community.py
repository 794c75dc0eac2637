"""Demo readers' comments and blocklist entries, in our own words.

Comments are keyed by post slug; ``reply_to`` is the position of the comment answered in the
same list. Readers' addresses use the reserved example.org domain.
"""

COMMENTS = {
    "how-cities-lobby": [
        {
            "name": "Marta Ruiz",
            "email": "marta.ruiz@example.org",
            "comment": "In our region the joint office in Brussels cost less than one "
            "consultant, and it let three small towns follow the cohesion rules while they "
            "were still being drafted.",
            "status": "approved",
        },
        {
            "name": "Tom Okafor",
            "email": "tom.okafor@example.org",
            "url": "https://example.org/tom",
            "comment": "Did the towns agree on one position, or did the office carry three?\n"
            "That seems to be the hard part.",
            "status": "approved",
            "reply_to": 0,
        },
        {
            "name": "Marta Ruiz",
            "email": "marta.ruiz@example.org",
            "comment": "One position, agreed by the three mayors before each consultation "
            "closed. When they disagreed, the office said nothing.",
            "status": "approved",
            "reply_to": 1,
        },
    ],
    "first-world-cities-day": [
        {
            "name": "Lena Fischer",
            "email": "lena.fischer@example.org",
            "comment": "Our council used the day to open the planning archive to schools. "
            "Worth repeating every 31 October.",
            "status": "approved",
        },
        {
            "name": "A. Reader",
            "email": "a.reader@example.org",
            "comment": "Is there a list of the cities that took part in the first year?",
            "status": "pending",
        },
    ],
}

BLOCKED_TERMS = [
    {"kind": "word", "value": "casino bonus", "note": "Recurring spam in comments."},
    {"kind": "domain", "value": "spam.example", "note": "Link farm."},
]
