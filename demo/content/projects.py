"""The demo research projects and their index page. Bodies use the markup of ``markup.py``."""

from datetime import date

from .markup import blocks

# Laid out by hand, one record per few lines.
# fmt: off

PROJECT_INDEX = {
    "title": "Research projects",
    "slug": "projects",
    "intro": "<p>Studies of how cities are led, how they reach beyond national borders and what "
             "local governments can take from places elsewhere. Narrow the list by theme, "
             "status, country, city or partner, or follow a feed of new projects.</p>",
}

# A proper name, kept apart from the field it fills.
CIVIC_STUDY = "International insights on civic leadership and public service innovation"

DEMO_NOTE = ("A short stand-in made for the City Forum demo site; it is not the original "
             "publication.")

# "themes", "cities", "organisations", "members" and "contact_person" hold slugs from
# vocabulary.py, "related" those of other projects here. Organisation roles are
# ProjectOrganisation.Role values; the research team's own organisation comes first, as the
# lead organisation. Each output gets a one-page PDF with its title and "abstract".
PROJECTS = [
    {
        "slug": "future-of-city-leadership-uk",
        "title": "The Future of City Leadership in the UK",
        "full_title": "The Future of City Leadership in the United Kingdom",
        "summary": "A systematic review of how 38 British cities, from the big metropolitan "
                   "areas to smaller regional centres, are led today and what their leaders "
                   "will need next. Commissioned by the Government Office for Science for its "
                   "Foresight programme on the Future of Cities.",
        "start_date": date(2014, 9, 1), "end_date": date(2016, 3, 31),
        "themes": ["city-leadership", "local-governance", "city-networks"],
        "cities": [], "countries": ["GB"],
        "organisations": [("ucl-city-leadership-initiative", "lead"),
                          ("government-office-for-science", "commissioner"),
                          ("government-office-for-science", "funder")],
        "members": [], "contact_person": None, "contact_email": "",
        "related": ["city-diplomacy-and-twinning", "city-leadership-chile", "urban-connections"],
        "outputs": [
            {"title": "The Future of City Leadership in the United Kingdom",
             "kind": "working-paper", "publication_date": date(2016, 2, 1),
             "authors": "UCL City Leadership Initiative",
             "publisher": "Government Office for Science",
             "abstract": "Written for the Lead Expert Group of the Foresight Future of Cities "
                         "project, this paper reviews 38 UK cities of every size. It traces "
                         "how they are led, which strategic aims they share, where leadership "
                         "capacity is thin and how cities could connect more with each other."},
        ],
        "body": blocks("""
            ## Why a national review

            Talk about city leadership in Britain usually centres on London and a handful of
            large metropolitan areas. This review looked at the whole urban map instead: 38
            cities, large, medium and small, so that shared patterns could be told apart from
            local quirks.

            It extended the international comparisons of the Urban Connections project to one
            country, asking how leaders in British cities set long-term priorities, where their
            capacity runs short and how far they cooperate with other places, at a time of
            devolution deals, tight budgets and fast economic change at home and abroad.

            ## How the work was done

            The team read the strategies and governance arrangements of every city, then tested
            what it found in workshops with council leaders, chief executives and the main city
            networks in the UK. Academics and experts from industry challenged the conclusions
            before they were written up.

            ## What it produced

            The main result is a working paper for the Lead Expert Group of the Foresight
            project, part of the evidence behind its advice to government. It maps current
            trends in how UK cities are led, the strategic directions they have in common, the
            gaps in their links with each other and the skills their leaders will need. An
            independent national white paper, addressed to the UK Government, was planned to
            follow with advice on the present state and the future of city leadership.

            The Government Office for Science paid for the review. At the time it sat in the
            Department for Business, Innovation and Skills (BIS); that department has since
            become the Department for Business, Energy and Industrial Strategy (BEIS).
        """),
    },
    {
        "slug": "city-diplomacy-and-twinning",
        "title": "City Diplomacy and Twinning",
        "full_title": "",
        "summary": "A sequel to the national review of city leadership: why British cities "
                   "build ties abroad, through twinning and wider diplomacy, and how those ties "
                   "could be put to better use. Run with the Foreign and Commonwealth Office, "
                   "with cases from the UK and China.",
        "start_date": date(2016, 4, 1), "end_date": date(2016, 12, 31),
        "themes": ["city-diplomacy", "city-networks", "city-leadership"],
        "cities": [], "countries": ["GB", "CN"],
        "organisations": [("ucl-city-leadership-initiative", "lead"),
                          ("foreign-and-commonwealth-office", "partner"),
                          ("government-office-for-science", "funder")],
        "members": [], "contact_person": None, "contact_email": "",
        "related": ["future-of-city-leadership-uk", "city-leadership-chile", "branding-the-city"],
        "outputs": [
            {"title": "City Diplomacy and Twinning", "kind": "report",
             "publication_date": date(2016, 12, 1),
             "authors": "UCL City Leadership Initiative",
             "publisher": "UCL City Leadership Initiative",
             "abstract": "What do British cities gain from their partnerships abroad? Drawing on "
                         "cases from the UK and China and on examples from other countries, "
                         "the report weighs the costs and benefits of twinning and city "
                         "diplomacy and makes first recommendations to national and local "
                         "government."},
        ],
        "body": blocks("""
            Plenty of British towns signed twinning agreements decades ago. Some are still busy,
            many survive mainly on road signs. Meanwhile city halls now deal directly with
            investors, foreign governments and international networks. This project asked what
            all these external relations are worth and what holds them back.

            ## The UK beside China

            Together with the Foreign and Commonwealth Office, the team studied British and
            Chinese cases. In China, partnerships between cities often serve to open doors for
            trade and investment, which makes a useful contrast with British practice. Examples
            from other countries completed the comparison.

            ## First advice for policy

            The report sets the difficulties of city diplomacy and twinning against their value
            and offers early recommendations on how government, national and local, can make
            better use of the networks cities build abroad. Like the national review it follows,
            it was paid for by the Government Office for Science.
        """),
    },
    {
        "slug": "city-leadership-chile",
        "title": "City leadership in Chile",
        "full_title": "",
        "summary": "An exchange between Chile and the UK on how Chilean cities are led and how "
                   "their commercial districts can prosper. For SERCOTEC and the ministry of "
                   "housing and urban development (MINVU), the team drew on British experience "
                   "with business improvement districts, devolution and the Foresight work on "
                   "the future of cities.",
        "start_date": date(2016, 2, 1), "end_date": date(2016, 12, 31),
        "themes": ["city-leadership", "urban-innovation", "local-governance"],
        "cities": ["santiago"], "countries": ["CL"],
        "organisations": [("ucl-city-leadership-initiative", "lead"),
                          ("sercotec", "sponsor"), ("minvu", "sponsor"),
                          ("fco-prosperity-fund", "funder"),
                          ("foreign-and-commonwealth-office", "partner"),
                          ("uk-embassy-santiago", "partner"),
                          ("business-of-cities", "collaborator")],
        "members": [], "contact_person": None, "contact_email": "",
        "related": ["future-of-city-leadership-uk", "city-diplomacy-and-twinning"],
        "outputs": [
            {"title": "Smarter city leadership and governance: a white paper for MINVU",
             "kind": "white-paper", "publication_date": date(2016, 12, 1),
             "authors": "UCL City Leadership Initiative",
             "publisher": "UCL City Leadership Initiative",
             "abstract": "Advice to Chile's ministry of housing and urban development on how "
                         "a national strategy could make the leadership and governance of its "
                         "cities smarter, drawing on British and international experience."},
            {"title": "Placing Business Leadership: insights from Chile's Barrios Comerciales",
             "kind": "policy-brief", "publication_date": date(2016, 11, 1),
             "authors": "UCL City Leadership Initiative",
             "publisher": "UCL City Leadership Initiative",
             "abstract": "A short brief on business improvement districts: what British "
                         "districts and a few international examples suggest for the "
                         "commercial neighbourhoods of Chilean cities, with observations from "
                         "Santiago."},
        ],
        "body": blocks("""
            Chile's government wants a national framework that helps its cities lead with more
            ambition and backs the small businesses that keep urban neighbourhoods alive. With
            the Foreign and Commonwealth Office and the UK Embassy in Santiago, this programme
            connected that policy work to what the UK has learned on the same questions.

            ## Three topics chosen by Chile

            SERCOTEC and MINVU set the agenda: city leadership itself, smart governance of urban
            areas, and business improvement districts (BIDs). The UCL team and The Business of
            Cities turned lessons from the Foresight Future of Cities programme, from the transfer
            of powers to British cities and from the Initiative's research abroad into advice that
            fits Chilean conditions.

            ## Experts in both directions

            Experts travelled between the two countries twice, in June and again in November,
            to compare practice on the ground, including a visit to the barrios comerciales,
            the commercial districts, of Santiago. The visits were also meant to leave lasting
            links between researchers and policymakers in Chile and the UK.

            ## Outputs and funding

            MINVU receives a white paper on how a national strategy could make the leadership and
            governance of Chilean cities smarter. A shorter policy brief distils what British BIDs
            and a few international cases can teach Chilean towns. The programme is paid for by
            the Prosperity Fund of the Foreign and Commonwealth Office.
        """),
    },
    {
        "slug": "urban-connections",
        "title": "Urban Connections",
        "full_title": "",
        "summary": "A worldwide survey of city leadership in more than 200 local governments, "
                   "carried out with UN-Habitat, the World Bank and the Economic and Social "
                   "Research Council. It compares how leaders in very different cities set "
                   "strategy and link up with their peers.",
        "start_date": date(2014, 1, 1), "end_date": date(2015, 12, 31),
        "themes": ["city-leadership", "city-networks", "local-governance"],
        "cities": [], "countries": [],
        "organisations": [("ucl-city-leadership-initiative", "lead"),
                          ("un-habitat", "partner"), ("world-bank", "partner"),
                          ("esrc", "partner")],
        "members": [], "contact_person": None, "contact_email": "",
        "related": ["future-of-city-leadership-uk", "branding-the-city", "safer-cities-hub"],
        "outputs": [],
        "body": blocks("""
            Writing on urban leadership tends to dwell on a few famous world cities. Urban
            Connections widens the view to more than 200 local governments on every continent,
            large and small, wealthy and poor, to see how their leaders actually steer them and
            which responsibilities they take on.

            ## Cities in their own context

            Looking at each city on its own terms, instead of sorting places into North and
            South or into global and ordinary cities, shows how much depends on local capacity
            and institutions. Early results suggest that leaders lean more and more on
            strategic planning, city networks and city diplomacy as their problems spill across
            national borders.

            ## New jobs in city hall

            The survey also raises the question of new posts in city government, such as
            officers for resilience, city diplomats or scientific advisers to the mayor. Its
            approach became the starting point for the national review of city leadership in
            the UK.
        """),
    },
    {
        "slug": "branding-the-city",
        "title": "Branding the City",
        "full_title": "",
        "summary": "How cities present themselves to the world, and what that reveals about "
                   "the responsibilities their leaders accept. A study made with Japan's "
                   "Council of Local Authorities for International Relations (CLAIR).",
        "start_date": date(2014, 4, 1), "end_date": date(2015, 3, 31),
        "themes": ["city-leadership", "city-diplomacy"],
        "cities": [], "countries": [],
        "organisations": [("ucl-city-leadership-initiative", "lead"), ("clair", "partner")],
        "members": [], "contact_person": None, "contact_email": "",
        "related": ["urban-connections", "city-diplomacy-and-twinning"],
        "outputs": [],
        "body": blocks("""
            Slogans, logos and campaigns abroad have become part of how a city competes for
            visitors, investment and talent. Behind every brand lies a decision about what the
            city stands for, and somebody has to take it.

            ## Leaders and the city's image

            With CLAIR, which supports the international work of Japanese local authorities,
            the project looked at branding as an act of leadership: who defines the vision a
            brand expresses, how that vision is carried abroad, and what a mayor commits to
            when promising the world a particular kind of city.
        """),
    },
    {
        "slug": "safer-cities-hub",
        "title": "Safer Cities Hub",
        "full_title": "",
        "summary": "Since 2015 UCL has hosted a hub of UN-Habitat's Safer Cities programme, one "
                   "of eight core research hubs through which universities around the world "
                   "advise cities on urban safety and start joint work.",
        "start_date": date(2015, 1, 1), "end_date": None,
        "themes": ["safer-cities", "city-networks"],
        "cities": [], "countries": [],
        "organisations": [("ucl-city-leadership-initiative", "lead"),
                          ("un-habitat", "partner")],
        "members": [], "contact_person": None, "contact_email": "",
        "related": ["urban-connections"],
        "outputs": [],
        "body": blocks("""
            UN-Habitat's Safer Cities programme helps local governments prevent crime and
            violence and make streets and squares safe for everyone. Its network of university
            hubs lends the programme research muscle and gives cities a way in to expertise.

            ## The hub at UCL

            The City Leadership Initiative runs the hub at UCL, one of eight core hubs in the
            network. It gives advice, brings together researchers and practitioners working on
            safety and security in cities, and ties that work to the road towards the Habitat
            III conference of 2016 and the new urban agenda that comes out of it. The hub has
            no fixed end date.
        """),
    },
    {
        "slug": "international-civic-leadership",
        "title": "International civic leadership",
        "full_title": CIVIC_STUDY,
        "summary": "A 2009 scoping study of how exchange with other countries can help UK local "
                   "government lead and innovate. It proposes a model of place-based leadership "
                   "and draws pointers for the UK from five cities in the Americas and Europe.",
        "start_date": date(2009, 1, 1), "end_date": date(2009, 6, 30),
        "themes": ["city-leadership", "urban-innovation", "local-governance",
                   "participatory-budgeting", "climate-action"],
        "cities": [], "countries": ["GB"],
        "organisations": [("uwe-bristol", "lead"),
                          ("larci", "sponsor"),
                          ("communities-and-local-government", "sponsor"),
                          ("community-sector-coalition", "collaborator"),
                          ("idea", "collaborator"),
                          ("local-government-association", "collaborator"),
                          ("local-government-yorkshire-and-humber", "collaborator"),
                          ("solace", "collaborator"),
                          ("whitehall-innovation-hub", "collaborator")],
        "members": [("robin-hambleton", "Project leader", True),
                    ("joanna-howard", "Researcher", False),
                    ("marilyn-taylor", "Researcher", False)],
        "contact_person": "robin-hambleton", "contact_email": "robin.hambleton@example.org",
        "related": ["future-of-city-leadership-uk"],
        "outputs": [
            {"title": "Civic leadership and public service innovation: a scoping study",
             "kind": "report", "publication_date": date(2009, 6, 1),
             "authors": "Hambleton, Robin\nHoward, Joanna\nTaylor, Marilyn",
             "publisher": "UWE Bristol",
             "abstract": "Can UK local government lead and innovate better by learning from "
                         "abroad? The report argues for moving from steady improvement to "
                         "bolder innovation, sets out a model of place-based leadership with "
                         "political, managerial and community realms, and draws pointers from "
                         "five cities in the Americas and Europe."},
        ],
        "body": blocks("""
            Leaders in UK local government asked for this study: they wanted to know whether
            looking abroad could help them lead their places better and renew public services.
            Practitioners read the drafts and helped to shape the final report.

            ## From improvement to innovation

            The study argues that steady, step-by-step improvement is no longer enough, and
            that those who lead public services need to try bolder and more radical ideas. It
            offers a model of civic leadership built on three overlapping realms, all rooted in
            place: elected politicians, professional managers and leaders in the community.

            It then explains why councils and government departments gain from watching what
            other countries do, and presents five examples of leadership that crosses the
            boundaries between organisations, sectors and levels of government.

            ## Five cases of leadership across boundaries
        """) + [
            ("case_study", {
                "title": "Regional civic innovation", "city": "capital-district-new-york",
                "summary": "<p>The area around Albany has no single metropolitan government. "
                           "The case shows how municipalities, universities, business and "
                           "civic groups can still agree and pursue a regional agenda.</p>",
                "lessons": ["Regional cooperation can grow from civic initiative even where "
                            "no formal metropolitan authority exists.",
                            "A trusted, neutral convener helps rival places settle on shared "
                            "priorities."],
            }),
            ("case_study", {
                "title": "Civic leadership on climate change", "city": "malmo",
                "summary": "<p>Malmö's leaders used the threat of climate change as a reason "
                           "to rethink how the city grows, turning old industrial land and "
                           "tired neighbourhoods into places to try low-carbon living, with "
                           "residents involved in the design.</p>",
                "lessons": ["A long-term political commitment lets officers and partners plan "
                            "beyond one electoral cycle.",
                            "Visible neighbourhood projects win residents over to citywide "
                            "climate goals.",
                            "Environmental aims and social renewal can be pursued together."],
            }),
            ("case_study", {
                "title": "Urban leadership and community involvement", "city": "enschede",
                "summary": "<p>Enschede shows how a city council can give residents a real "
                           "voice in renewing their neighbourhoods, treating them as partners "
                           "in the plans rather than as an audience for them.</p>",
                "lessons": ["Involve residents early, while plans can still change.",
                            "Officers need the mandate and the skills to work with "
                            "communities, not only on their behalf."],
            }),
            ("case_study", {
                "title": "Participatory budgeting", "city": "porto-alegre",
                "summary": "<p>Since the end of the 1980s residents of Porto Alegre have met "
                           "in neighbourhood and thematic assemblies to decide how part of the "
                           "city's investment budget is spent, an idea since taken up around "
                           "the world.</p>",
                "lessons": ["Handing residents real decisions over money builds trust and "
                            "draws in people who rarely take part.",
                            "Clear published rules and a yearly account of what was done keep "
                            "the process credible."],
            }),
            ("case_study", {
                "title": "Planning and participatory budgeting", "city": "medellin",
                "summary": "<p>Medellín joined participatory budgeting to ambitious plans for "
                           "its poorest hillside districts, investing in transport, libraries "
                           "and public space to reconnect them with the rest of the city.</p>",
                "lessons": ["Tying local budget choices to a citywide plan lets small "
                            "decisions add up to visible change.",
                            "Fine public buildings in poor districts show that the city's "
                            "leaders take those districts seriously."],
            }),
            ("key_findings", {
                "heading": "What the study found",
                "findings": [
                    "Improvement programmes on their own will not give places the public "
                    "services they need; leaders must make room for radical innovation.",
                    "Place-based leadership comes from three realms, political, managerial "
                    "and community, and is strongest where they overlap.",
                    "Well-planned exchange with other countries gives UK local government "
                    "ideas and evidence that are hard to find at home.",
                    "Each of the five cases holds concrete pointers that UK councils and "
                    "their partners can adapt to their own circumstances.",
                ],
            }),
        ] + blocks("""
            The report closes by setting out what the study means for local governance in the
            UK and where further international exchange would pay off.
        """),
    },
]

# fmt: on
