"""schema.org JSON-LD for a project page: a ResearchProject and the reports it produced.

ResearchProject is an Organization in schema.org: its dates are ``foundingDate`` and
``dissolutionDate``, funders and sponsors have properties of their own, and people and
partner organisations are ``member``s with a role. Outputs hang off it as ``subjectOf``.
Everything is in the page's language (``inLanguage``): role names, genres, theme and
organisation names.
"""

from django.utils.translation import gettext as _

# Organisation role (ProjectOrganisation.Role) -> its ResearchProject property.
ROLE_PROPERTIES = {"funder": "funder", "commissioner": "funder", "sponsor": "sponsor"}
OUTPUT_TYPES = {"book": "Book", "article": "ScholarlyArticle"}  # anything else is a Report


def project_json_ld(page, request, *, members, organisations, outputs, themes, cities):
    data = {
        "@context": "https://schema.org",
        "@type": "ResearchProject",
        "name": page.title,
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
        "description": page.summary,
        "foundingDate": page.start_date.isoformat(),
        "funder": [],
        "sponsor": [],
        "member": [
            _role(
                {"@type": "Person", "name": member.person.name},
                member.role or (_("Project leader") if member.is_leader else _("Researcher")),
            )
            for member in members
        ],
        "knowsAbout": [theme.translated_name for theme in themes],
        "areaServed": [
            {
                "@type": "City",
                "name": city.name,
                "containedInPlace": {"@type": "Country", "name": str(city.country.name)},
            }
            for city in cities
        ],
        "subjectOf": [_output(page, output, citation) for output, citation in outputs],
    }
    for link in organisations:
        organisation = {"@type": "Organization", "name": link.organisation.translated_name}
        if link.organisation.website:
            organisation["url"] = link.organisation.website
        if link.role in ROLE_PROPERTIES:
            data[ROLE_PROPERTIES[link.role]].append(organisation)
        else:
            data["member"].append(_role(organisation, str(link.get_role_display())))
    if page.full_title and page.full_title != page.title:
        data["alternateName"] = page.full_title
    if page.end_date:
        data["dissolutionDate"] = page.end_date.isoformat()
    return {key: value for key, value in data.items() if value != []}


def _role(member, role_name):
    return {"@type": "OrganizationRole", "roleName": role_name, "member": member}


def _output(page, output, citation):
    data = {
        "@type": OUTPUT_TYPES.get(output.kind, "Report"),
        "name": output.title,
        "genre": str(output.get_kind_display()),
        "inLanguage": page.locale.language_code,
        "author": [_author(name) for name in citation.authors],
    }
    if citation.published:
        data["datePublished"] = citation.published.isoformat()
    if citation.publisher:
        data["publisher"] = {"@type": "Organization", "name": citation.publisher}
    if citation.url:
        data["url"] = citation.url
    if citation.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": citation.doi}
        data["sameAs"] = citation.doi_url
    if output.document:
        data["encodingFormat"] = output.document.content_type
        data["contentSize"] = f"{output.document.get_file_size()} B"
    return data


def _author(name):
    """ "Family, Given" is a person; a name without a comma is an organisation."""
    family, _, given = (part.strip() for part in name.partition(","))
    if not given:
        return {"@type": "Organization", "name": family}
    return {
        "@type": "Person",
        "familyName": family,
        "givenName": given,
        "name": f"{given} {family}",
    }
