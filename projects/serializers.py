"""Fields of the read API (Wagtail API v2) that projects' ``api_fields`` use.

Imported by ``projects.models``; see ``vocabulary.serializers`` on what not to import here.
"""

from rest_framework.fields import Field

from vocabulary.models import Organisation, Person
from vocabulary.serializers import nested_serializer


class OrganisationsByRoleField(Field):
    """A project's organisation links as ``{role: [organisation, ...]}``, roles in the
    order they first appear."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="organisation_links", **kwargs)

    def to_representation(self, links):
        serializer = nested_serializer(self.context, Organisation)
        groups = {}
        for link in links.all():
            groups.setdefault(link.role, []).append(serializer.to_representation(link.organisation))
        return groups


class MembersField(Field):
    """A project's leaders, or the rest of its team: each a person and their role."""

    def __init__(self, leaders, **kwargs):
        self.leaders = leaders
        super().__init__(read_only=True, source="members", **kwargs)

    def to_representation(self, members):
        serializer = nested_serializer(self.context, Person)
        return [
            {"person": serializer.to_representation(member.person), "role": member.role}
            for member in members.all()
            if member.is_leader == self.leaders
        ]


class CoveredCountriesField(Field):
    """The countries a project covers, named on it or by its cities, as codes and names."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, project):
        return [
            {"code": code, "name": name}
            for name, code in project.covered_countries(project.cities.all())
        ]
