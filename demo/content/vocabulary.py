"""The demo's shared vocabulary: themes, organisations, people and cities."""

# Laid out by hand, one record per few lines.
# fmt: off

THEMES = [
    {"slug": "urbansdg", "name": "urbanSDG", "hashtag": "#urbanSDG",
     "description": "The campaign for a stand-alone sustainable development goal on cities and "
                    "human settlements in the development agenda that follows 2015.",
     "synonyms": "urban SDG\nurban sustainable development goal\nODS urbano\nODD urbain"},
    {"slug": "city-diplomacy", "name": "City diplomacy", "hashtag": "#CityDiplomacy",
     "description": "How cities and their networks act beyond national borders: partnerships, "
                    "advocacy, lobbying and a seat in international negotiations.",
     "synonyms": "diplomacia de ciudades\ndiplomatie des villes\ncity-to-city diplomacy\n"
                 "urban diplomacy\ncities diplomacy"},
    {"slug": "world-cities-day", "name": "World Cities Day", "hashtag": "#WorldCitiesDay",
     "description": "The United Nations day for cities, held on 31 October and first observed "
                    "in 2014.",
     "synonyms": "Journée mondiale des villes\nDía Mundial de las Ciudades"},
    {"slug": "city-leadership", "name": "City leadership", "hashtag": "#CityLeadership",
     "description": "Mayors, councils and senior officials: how cities are led and how their "
                    "leaders shape long-term strategy.",
     "synonyms": "liderazgo urbano\nleadership urbain\nurban leadership"},
    {"slug": "urban-innovation", "name": "Urban innovation", "hashtag": "#UrbanInnovation",
     "description": "New ways for cities to plan, deliver services and respond to social, "
                    "economic and environmental pressure.",
     "synonyms": "innovación urbana\ninnovation urbaine"},
    {"slug": "local-governance", "name": "Local governance", "hashtag": "#LocalGovernance",
     "description": "How local and regional governments are organised, financed and held to "
                    "account, at home and in wider arenas.",
     "synonyms": "gobernanza local\ngouvernance locale\nlocal government"},
    {"slug": "safer-cities", "name": "Safer cities", "hashtag": "#SaferCities",
     "description": "Urban safety and security: preventing crime and violence, and public "
                    "spaces everyone can use without fear.",
     "synonyms": "ciudades más seguras\nvilles plus sûres\nurban safety"},
    {"slug": "participatory-budgeting", "name": "Participatory budgeting",
     "hashtag": "#ParticipatoryBudgeting",
     "description": "Residents deciding directly how part of a public budget is spent, an "
                    "approach associated with Porto Alegre and Medellín.",
     "synonyms": "presupuesto participativo\nbudget participatif\norçamento participativo"},
    {"slug": "climate-action", "name": "Climate action", "hashtag": "#ClimateAction",
     "description": "What cities do to cut emissions and adapt to a changing climate.",
     "synonyms": "acción climática\naction climatique"},
    {"slug": "city-networks", "name": "City networks", "hashtag": "#CityNetworks",
     "description": "Associations and networks through which cities share knowledge and speak "
                    "with one voice.",
     "synonyms": "redes de ciudades\nréseaux de villes"},
]

ORGANISATIONS = [
    {"slug": "uclg", "name": "United Cities and Local Governments (UCLG)", "kind": "network",
     "website": "https://www.uclg.org/",
     "description": "Global network of local and regional governments; hosts a debate blog open "
                    "to its members and the wider local government community."},
    {"slug": "ucl-city-leadership-initiative", "name": "UCL City Leadership Initiative",
     "kind": "university", "website": "",
     "description": "Research initiative on city leadership based at UCL STEaPP, run jointly "
                    "with UN-Habitat and the World Bank."},
    {"slug": "un-habitat", "name": "UN-Habitat", "kind": "international",
     "website": "https://unhabitat.org/",
     "description": "The United Nations programme for human settlements and sustainable urban "
                    "development."},
    {"slug": "world-bank", "name": "World Bank", "kind": "international",
     "website": "https://www.worldbank.org/",
     "description": "International development bank; a partner of the City Leadership "
                    "Initiative."},
    {"slug": "government-office-for-science", "name": "Government Office for Science",
     "kind": "government",
     "website": "https://www.gov.uk/government/organisations/government-office-for-science",
     "description": "UK government office whose Foresight project on the Future of Cities "
                    "commissioned research on city leadership."},
    {"slug": "foreign-and-commonwealth-office", "name": "Foreign and Commonwealth Office",
     "kind": "government", "website": "",
     "description": "UK foreign ministry; a partner in research on city diplomacy and "
                    "twinning."},
    {"slug": "clair", "name": "Council of Local Authorities for International Relations (CLAIR)",
     "kind": "government", "website": "https://www.clair.or.jp/",
     "description": "Japanese body supporting the international work of local authorities; "
                    "partner in the Branding the City project."},
    {"slug": "wiley-blackwell", "name": "Wiley Blackwell", "kind": "publisher",
     "website": "https://www.wiley.com/", "description": "Academic publisher."},
    {"slug": "the-guardian", "name": "The Guardian", "kind": "publisher",
     "website": "https://www.theguardian.com/",
     "description": "UK newspaper; with UN-Habitat, it called for urban ideas on the first World "
                    "Cities Day."},
    {"slug": "guangzhou-award", "name": "Guangzhou Award for Urban Innovation", "kind": "other",
     "website": "",
     "description": "International award for city innovation, linked to the Guangzhou Institute "
                    "for Urban Innovation."},
    # Partners of the research projects.
    {"slug": "esrc", "name": "Economic and Social Research Council (ESRC)", "kind": "funder",
     "website": "https://www.ukri.org/councils/esrc/",
     "description": "The UK's main public funder of research in the social sciences."},
    {"slug": "sercotec", "name": "Servicio de Cooperación Técnica (SERCOTEC)",
     "kind": "government", "website": "https://www.sercotec.cl/",
     "description": "Chilean state agency that helps small firms and neighbourhood commerce "
                    "to grow."},
    {"slug": "minvu", "name": "Ministerio de Vivienda y Urbanismo (MINVU)", "kind": "government",
     "website": "https://www.minvu.gob.cl/",
     "description": "Chile's national ministry for housing and urban development."},
    {"slug": "uk-embassy-santiago", "name": "UK Embassy in Santiago", "kind": "government",
     "website": "",
     "description": "The British diplomatic mission in Chile; helped to set up the UK-Chile "
                    "exchange on city leadership."},
    {"slug": "fco-prosperity-fund", "name": "FCO Prosperity Fund", "kind": "funder",
     "website": "",
     "description": "UK government fund, run by the Foreign and Commonwealth Office, that pays "
                    "for work promoting economic growth in partner countries."},
    {"slug": "business-of-cities", "name": "The Business of Cities", "kind": "company",
     "website": "",
     "description": "Research and advisory firm working on cities; co-facilitator of the "
                    "Chile programme."},
    {"slug": "uwe-bristol", "name": "UWE Bristol (University of the West of England)",
     "kind": "university", "website": "https://www.uwe.ac.uk/",
     "description": "University in Bristol whose researchers study place-based leadership and "
                    "local governance."},
    {"slug": "larci", "name": "Local Authority Research Council Initiative (LARCI)",
     "kind": "funder", "website": "",
     "description": "Joint venture of the UK research councils and local government bodies "
                    "that backs research councils can put to use."},
    {"slug": "communities-and-local-government",
     "name": "Communities and Local Government (CLG)", "kind": "government", "website": "",
     "description": "The UK government department in charge of local government and "
                    "communities in England at the end of the 2000s."},
    {"slug": "community-sector-coalition", "name": "Community Sector Coalition",
     "kind": "network", "website": "",
     "description": "Alliance of national bodies speaking for community groups and small "
                    "voluntary organisations in England."},
    {"slug": "idea", "name": "Improvement and Development Agency for Local Government (IDeA)",
     "kind": "other", "website": "",
     "description": "Agency owned by local government that supported councils in England in "
                    "raising their performance."},
    {"slug": "local-government-association", "name": "Local Government Association (LGA)",
     "kind": "network", "website": "https://www.local.gov.uk/",
     "description": "National membership body of councils in England."},
    {"slug": "local-government-yorkshire-and-humber",
     "name": "Local Government Yorkshire and Humber", "kind": "network", "website": "",
     "description": "Regional association of the councils of Yorkshire and the Humber."},
    {"slug": "solace", "name": "Society of Local Authority Chief Executives (SOLACE)",
     "kind": "network", "website": "https://solace.org.uk/",
     "description": "Professional network of chief executives and senior managers in local "
                    "government."},
    {"slug": "whitehall-innovation-hub", "name": "Whitehall Innovation Hub",
     "kind": "government", "website": "",
     "description": "Small unit in UK central government that encouraged new approaches to "
                    "public services."},
]

# "organisation" is an ORGANISATIONS slug.
PEOPLE = [
    {"slug": "josep-roig", "name": "Josep Roig", "role": "Secretary General, UCLG",
     "organisation": "uclg",
     "bio": "<p>Secretary General of United Cities and Local Governments. Writes here about the "
            "global urban agenda and the campaign for an <b>#urbanSDG</b>.</p>"},
    {"slug": "greg-clark", "name": "Greg Clark", "role": "Urbanist and author",
     "organisation": None,
     "bio": "<p>Urbanist and writer on how cities grow, compete and change; author of a book on "
            "London's last quarter century.</p>"},
    {"slug": "pablo-chillon", "name": "Pablo Chillón", "role": "Researcher on city diplomacy",
     "organisation": None,
     "bio": "<p>Researcher studying how cities lobby, advocate and build relationships beyond "
            "national borders.</p>"},
    {"slug": "kerry-milton", "name": "Kerry Milton", "role": "UCL",
     "organisation": "ucl-city-leadership-initiative",
     "bio": "<p>Writes for UCL about the City Leadership Initiative and its research.</p>"},
    {"slug": "uclg-editorial-team", "name": "UCLG editorial team",
     "role": "Editors of the debate blog", "organisation": "uclg",
     "bio": "<p>Posts without a named author come from the blog's editors.</p>"},
    {"slug": "robin-hambleton", "name": "Robin Hambleton", "role": "Professor, UWE Bristol",
     "organisation": "uwe-bristol",
     "bio": "<p>Researches place-based leadership and what local governments in different "
            "countries can learn from each other; led the 2009 scoping study on civic "
            "leadership and public service innovation.</p>"},
    {"slug": "joanna-howard", "name": "Joanna Howard", "role": "Researcher, UWE Bristol",
     "organisation": "uwe-bristol",
     "bio": "<p>Researcher at UWE Bristol and a member of the team behind the 2009 scoping "
            "study on civic leadership.</p>"},
    {"slug": "marilyn-taylor", "name": "Marilyn Taylor", "role": "Researcher, UWE Bristol",
     "organisation": "uwe-bristol",
     "bio": "<p>Researcher at UWE Bristol with a long interest in communities and their part "
            "in local governance; worked on the 2009 scoping study.</p>"},
]

# Places that projects cover; "country" is an ISO 3166 code.
CITIES = [
    {"slug": "santiago", "name": "Santiago", "country": "CL",
     "description": "Chile's capital and by far its largest metropolitan area."},
    {"slug": "capital-district-new-york", "name": "Capital District, New York", "country": "US",
     "description": "The region around Albany, seat of the government of New York State."},
    {"slug": "malmo", "name": "Malmö", "country": "SE",
     "description": "Port city in southern Sweden, linked to Copenhagen by the Øresund "
                    "bridge."},
    {"slug": "enschede", "name": "Enschede", "country": "NL",
     "description": "City in the east of the Netherlands, close to the German border."},
    {"slug": "porto-alegre", "name": "Porto Alegre", "country": "BR",
     "description": "Capital of Rio Grande do Sul in southern Brazil, known as the birthplace "
                    "of participatory budgeting."},
    {"slug": "medellin", "name": "Medellín", "country": "CO",
     "description": "Colombia's second largest city, spread along the Aburrá valley."},
]

# fmt: on
