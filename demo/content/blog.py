"""The demo debate blog: its index page, categories, series and posts."""

from datetime import date

from .markup import blocks

# Laid out by hand, one record per few lines.
# fmt: off

BLOG_INDEX = {
    "title": "Debate blog",
    "slug": "blog",
    "intro": "<p>Opinion, research and news from local and regional governments and the people "
             "who work with them. We welcome posts and comments from everyone who cares about "
             "how cities serve their residents.</p>",
}

CATEGORIES = [
    {"slug": "local-governance", "name": "Local Governance",
     "description": "How local and regional governments work, alone and together."},
    {"slug": "urban-innovation", "name": "Urban innovation",
     "description": "New ideas tried by cities, and what others can learn from them."},
    {"slug": "opinion", "name": "Opinion",
     "description": "Signed views from city leaders, researchers and practitioners."},
    {"slug": "research", "name": "Research",
     "description": "Findings and projects from universities and research centres."},
]

SERIES = [
    {"slug": "cities-diplomacy-series", "name": "Cities Diplomacy Series",
     "description": "How cities and their networks act beyond national borders, from lobbying "
                    "and advocacy to twinning and diplomacy proper. Best read in order."},
]

# "categories" and "series" hold slugs from the tables above, "authors" and "themes" those
# of vocabulary.PEOPLE and THEMES.
POSTS = [
    {
        "slug": "local-governments-in-the-european-arena",
        "title": "Cities and regions find their voice in the European arena",
        "date": date(2014, 12, 7), "authors": ["uclg-editorial-team"],
        "categories": ["local-governance"], "themes": ["local-governance", "city-networks"],
        "excerpt": "Towns, cities and regions have moved from the edges of European policy-making "
                   "towards its centre. The tools they use show how complicated local foreign "
                   "relations have become.",
        "body": blocks("""
        A generation ago, a mayor who wanted a say in European affairs had few options beyond
        writing to the national ministry. Today municipalities and regional authorities speak up in
        Brussels directly, sit on consultative bodies, run joint projects across borders and pool
        their influence through associations of every size. No single reform produced this change.
        It grew step by step, as local leaders realised that many decisions shaping their streets,
        budgets and services were negotiated far from the town hall. Regional governments, with
        larger administrations, often led the way, and cities followed once the benefits became
        visible.

        ## From friendship to lobbying

        The instruments have changed along the way. Early links between European towns were mostly
        symbolic: friendship agreements, school exchanges and cultural visits. Over time they became
        practical. Cities began to swap know-how on transport, housing or waste, to bid together for
        European funds, and to open permanent offices so they could follow legislation while it was
        drafted rather than after it was adopted.

        > Local foreign relations are no longer a ceremonial extra; they have become part of how a
        city governs itself.
        -- UCLG editorial team

        Each new mechanism added a layer instead of replacing the previous one. A single
        municipality may belong to a national association, a European federation, several thematic
        networks on climate or culture and a handful of bilateral partnerships, all at once. Keeping
        these commitments coherent takes staff, strategy and political backing, and smaller towns
        often struggle to keep up. Coordinating positions between networks that overlap, and
        sometimes disagree, has become a skill of its own.

        This crowded landscape is a sign of maturity, but it raises questions. Who speaks for local
        government when dozens of voices compete for attention? How can a town with a tiny
        international office make its priorities heard? And how do European experiences feed into
        the global agenda that networks such as UCLG pursue with the United Nations? We do not claim
        to have the answers, but they deserve open discussion among the people who face them every
        day.

        !! Join the debate
        Does your city or region take part in European networks? Tell us in the comments which tools
        have worked for you and which have not.
        """),
    },
    {
        "slug": "october-urban-month-urbansdg",
        "title": "October, the urban month: making the case for an #urbanSDG",
        "date": date(2014, 10, 1), "authors": ["josep-roig"],
        "categories": ["opinion"], "themes": ["urbansdg", "city-leadership"],
        "excerpt": "With October 2014 set aside to think about cities, UCLG means to use all 31 "
                   "days to argue for a dedicated urban goal in the next development agenda.",
        "body": blocks("""
        This October the international community is giving cities a whole month of attention.
        Governments, researchers, local leaders and residents are invited to think about what
        urbanisation means for all of us: the pressures it creates, the chances it opens and the
        kind of urban future we want. As a growing share of humanity lives in towns and cities,
        these are not niche questions. They sit at the heart of any serious plan for sustainable
        development. For local governments, who handle the effects of rapid urban growth every day,
        the month is also a chance to be heard.

        ## Why cities need their own goal

        At UCLG we see the urban month as an opportunity, not just a celebration. The world is
        negotiating the goals that will follow the Millennium Development Goals, and we believe they
        must include one on cities and human settlements. Without it, the places where most people
        live, work and consume would be touched only indirectly, scattered across targets on water,
        energy or health, and the local governments that deliver many of those services would stay
        on the sidelines.

        > If the new agenda is to change daily life, it has to speak to the places where daily life
        happens: our cities and towns.
        -- Josep Roig, Secretary General, UCLG

        An urban goal would give mayors and councils a clear framework for action and a shared
        language with national governments and international partners. It would recognise that sound
        planning, decent housing, safe public space and accountable local institutions are drivers
        of development rather than its by-products. It would also make progress easier to measure
        city by city, so that national reports reflect what happens on the ground instead of
        averages that hide deep gaps between neighbourhoods.

        All month long, our members and partners will make their case online under the hashtag
        #urbanSDG. We invite every local and regional government, and every resident who cares about
        their city, to add a voice, share an example and show negotiators why cities deserve a place
        among the goals. Every contribution, however small, makes the argument harder to ignore.

        !! Follow the campaign
        Use <b>#urbanSDG</b> on social media, and subscribe to this theme's feed to read every post
        in the campaign.
        """),
    },
    {
        "slug": "london-twenty-five-years",
        "title": "What a quarter century of London can teach other cities",
        "date": date(2014, 10, 15), "authors": ["greg-clark"],
        "categories": ["opinion"], "themes": ["city-leadership", "urban-innovation"],
        "excerpt": "Greg Clark announces his book on the last 25 years of London, due from Wiley "
                   "Blackwell in December 2014, and asks why some cities thrive while others "
                   "stall.",
        "body": blocks("""
        I am very pleased to announce that Wiley Blackwell will bring out my book on London across
        the past twenty-five years in December 2014. Writing it was a chance to step back from
        day-to-day argument and follow a long arc of change in one of the most studied, and most
        disputed, cities on the planet. The result is part history and part analysis: an attempt to
        understand how the city changed and what drove the change.

        ## Cities in a globalising era

        Cities have become one of the defining features of our time. Globalisation is usually told
        as a story of nations and markets, yet it is just as much a story of cities reaching
        outwards: competing for investment and talent, hosting international firms and institutions,
        and welcoming newcomers from everywhere. London is a vivid example of that process, though
        far from the only one. Its story shows how openness can bring energy and wealth, and also
        new strains on housing, transport and social cohesion.

        > We know a great deal about individual cities, and surprisingly little about why some of
        them flourish while others fall behind.
        -- Greg Clark

        For all the attention cities now receive, their systematic study is still young.
        Researchers, practitioners and city leaders are only starting to assemble the evidence on
        what makes an urban economy resilient, how governance arrangements shape results, and which
        choices made decades ago still matter. There is no simple recipe, and the gap between cities
        that prosper and those that decline is rarely explained by one factor alone. Comparative
        work across many cities, over long periods, is what the field needs most.

        The book is my contribution to that conversation. By tracing how London reinvented itself
        over a quarter of a century, with the decisions, accidents and leadership behind each turn,
        I hope to offer lessons that other cities can test against their own experience rather than
        copy wholesale. I also hope it prompts a debate in London itself about the choices that lie
        ahead.

        !! The book
        Publisher: Wiley Blackwell. Expected publication: December 2014.
        """),
    },
    {
        "slug": "guangzhou-award-urban-innovation",
        "title": "The Guangzhou Award: can a prize become a school for cities?",
        "date": date(2014, 10, 23), "authors": ["uclg-editorial-team"],
        "categories": ["urban-innovation"], "themes": ["urban-innovation"],
        "excerpt": "Prizes for city innovation make good headlines. The more interesting question "
                   "is whether an award like Guangzhou's can keep cities learning from one "
                   "another long after the ceremony.",
        "body": blocks("""
        Awards for urban innovation have become common, and most follow a familiar pattern: a call
        for entries, a jury, a ceremony and a burst of press coverage for the winners. The attention
        is welcome, and it can help a city team win support at home. But when the applause fades,
        what is left for the many cities that applied, and for the many more that did not? Too
        often, the knowledge gathered in hundreds of applications ends up in an archive nobody opens
        again.

        ## More than a headline

        The Guangzhou Award for urban innovation invites a bigger ambition. Imagine treating every
        submitted initiative as material for learning, not only the shortlisted ones. Each entry
        records how a city tried to tackle a hard problem, whether social exclusion, economic change
        or environmental stress, and what happened when the idea met reality. Taken together, such
        cases could form a library of practice that peers elsewhere can study, adapt and improve.
        The value would lie less in ranking cities than in connecting them, so that a team facing a
        problem can find others who have already tried something similar.

        > The prize lasts a day; what cities learn from each other should last much longer.
        -- UCLG editorial team

        ### What a learning system needs

        For an award to work as a continuing system of learning, a few things must be in place.
        Entries have to be candid about setbacks as well as results. Case studies need to be easy to
        find and compare. And there must be occasions, online and in person, where officials from
        different cities can ask one another how an innovation was really delivered, what it cost
        and who resisted it. Follow-up matters too: returning to past entries a few years later
        would show which innovations lasted, which spread, and which faded once their champions
        moved on. City networks are well placed to support this kind of patient work.

        !! Tell us your story
        Has your city entered an innovation award? Did applying change anything in how you work?
        Share what you learnt in the comments.
        """),
    },
    {
        "slug": "how-cities-lobby",
        "title": "How cities lobby: notes on urban advocacy and diplomacy",
        "date": date(2014, 10, 7), "authors": ["pablo-chillon"],
        "categories": ["research"], "themes": ["city-diplomacy", "city-networks"],
        "series": "cities-diplomacy-series", "series_position": 1,
        "excerpt": "Opening the Cities Diplomacy Series, Pablo Chillón reports on research into "
                   "the lobbying strategies of cities, the aims of their advocacy and how far "
                   "real urban diplomacy reaches worldwide.",
        "body": blocks("""
        Cities have always tried to influence decisions taken above their heads. What has changed is
        the scale and sophistication of the effort. My recent research looked closely at how cities
        lobby: which strategies they choose, what they hope to obtain, and whether all this activity
        adds up to something that deserves to be called diplomacy. The answers matter to mayors
        deciding where to spend scarce staff time, and to networks that claim to speak for their
        members.

        ## Lobbying and advocacy

        A useful first step is to separate two things that are often confused. Lobbying targets a
        specific decision: a city, alone or with partners, tries to change a law, secure a budget
        line or shape the rules of a programme. Advocacy is broader. It seeks to change how a
        problem is understood, for instance by convincing national governments and international
        bodies that housing, mobility or climate policy cannot succeed without local authorities at
        the table. Cities pursue both with a wide toolkit, from representation offices and network
        membership to joint declarations, campaigns and quiet contacts between officials. Which
        tools a city picks depends on its budget, its legal powers and how open the target
        institution is to local voices.

        > Influence is not the same as diplomacy: diplomacy means being accepted as a legitimate and
        lasting partner in the conversation.
        -- Pablo Chillón

        ### Towards urban diplomacy?

        The harder question is how far cities have moved from occasional lobbying to a steady
        diplomatic practice on the world stage. Some networks are now consulted routinely alongside
        states; many individual cities still act case by case, depending on resources and on the
        political weight of their mayor. Diplomacy in the full sense implies continuity: standing
        relationships, recognised representatives and a mandate that survives a change of
        government. By that measure, genuine urban diplomacy remains the exception, even if it is
        spreading. The next posts in this series look at that gap and at what might narrow it.

        !! About this series
        The Cities Diplomacy Series looks at how cities and their networks act beyond national
        borders. Read it in order on the series page.
        """),
    },
    {
        "slug": "first-world-cities-day",
        "title": "31 October: the first World Cities Day",
        "date": date(2014, 10, 30), "authors": ["uclg-editorial-team"],
        "categories": ["local-governance"], "themes": ["world-cities-day", "urbansdg"],
        "excerpt": "Tomorrow the world marks World Cities Day for the first time: a United Nations "
                   "date that puts cities and good planning at the centre of sustainable "
                   "development.",
        "body": blocks("""
        Tomorrow, 31 October, is a date worth marking in every town hall. The United Nations has
        named it World Cities Day, and 2014 is the first year it is observed. The new day closes the
        urban month of October and officially recognises what local governments have long argued:
        how we plan and run cities will largely decide whether development can be sustainable. It
        arrives at a moment when more than half of the world's population already lives in urban
        areas, and that share keeps rising.

        ## Why a day for cities

        International days can look symbolic, but they have practical uses. They give mayors a
        reason to raise urban questions with national governments, they help journalists and schools
        explain topics usually left to specialists, and they create a fixed moment each year to take
        stock. The timing is especially useful while talks on the future development goals continue
        and the case for an #urbanSDG is still being made. A shared date also helps cities compare
        notes: events held in many places on the same day reveal the variety of urban challenges,
        from informal settlements to ageing industrial centres, and the threads that connect them.

        > Recognising cities for one day a year is a start; the real test is whether they get the
        tools to act on the other 364.
        -- UCLG editorial team

        ### A call for urban ideas

        For the occasion, UN-Habitat and the Guardian have asked readers and practitioners to send
        in the best urban ideas already working somewhere in the world. The focus on proven ideas
        rather than distant visions is welcome: many of the most useful solutions are modest, local
        and ready to travel. We hope local governments answer the call in numbers, and that the
        ideas collected are shared widely rather than filed away. Many of our members have
        experience worth passing on, and this is a good moment to do it.

        !! Take part
        Know a project in your city that deserves a wider audience? Send it to the call, and tell us
        about it in the comments.
        """),
    },
    {
        "slug": "next-generation-of-city-leaders",
        "title": "Preparing the next generation of city leaders",
        "date": date(2014, 10, 29), "authors": ["kerry-milton"],
        "categories": ["research"], "themes": ["city-leadership", "safer-cities", "city-diplomacy"],
        "excerpt": "The City Leadership Initiative, run by UCL with UN-Habitat and the World Bank, "
                   "studies how city leaders respond to global challenges and how to better "
                   "inform urban policymakers.",
        "body": blocks("""
        Mayors and city leaders are expected to answer some of the hardest questions of our time,
        from climate risk to inequality, yet we know remarkably little about how they lead. The City
        Leadership Initiative (CLI) was set up to close that gap. A joint effort of UCL, UN-Habitat
        and the World Bank, it is hosted by UCL STEaPP, the department for science, technology,
        engineering and public policy that the university opened in 2013.

        ## Why study city leaders?

        The United Nations is preparing a New Urban Agenda for the Habitat III conference in 2016,
        and the World Bank and others are investing in understanding how cities will evolve this
        century. The people at the centre of that change get far less attention. To address this,
        UCL STEaPP works with two UN-Habitat programmes, UNI and Safer Cities, and with the World
        Bank's vice-presidency for leadership, learning and innovation. The aim is a conversation
        between research and practice, open to the organisations whose job is to support city
        leaders.

        Current work includes Urban Connections, a worldwide survey of leadership in more than 200
        local governments, carried out with UN-Habitat, the World Bank and the Economic and Social
        Research Council; Branding the City, with Japan's CLAIR; a review of leadership priorities
        in 37 UK cities for the Government Office for Science and its Foresight project on the
        Future of Cities; and a new book series with Palgrave Macmillan on cities and the global
        politics of the environment.

        > Cities have to be understood in their own context, not sorted into global cities and the
        rest, or into North and South.
        -- Kerry Milton, UCL

        Early findings point to the growing weight of strategic planning, city networks and city
        diplomacy, and to a need for new posts such as chief resilience officers, city diplomats and
        urban chief scientific advisers. From 2015 CLI will also host at UCL one of eight core
        research hubs of UN-Habitat's Safer Cities programme, and will widen its work on networks
        and diplomacy with partners including WHO, the Clingendael institute and the Australian
        National University.

        !! Get involved
        Researchers and city practitioners who would like to work with the initiative are welcome to
        contact the CLI team at UCL.
        """),
    },
    {
        "slug": "from-twinning-to-city-diplomacy",
        "title": "From twinning to diplomacy: why city partnerships still matter",
        "date": date(2014, 11, 5), "authors": ["uclg-editorial-team"],
        "categories": ["opinion"], "themes": ["city-diplomacy", "city-networks"],
        "series": "cities-diplomacy-series", "series_position": 2,
        "excerpt": "Twinning agreements are often dismissed as photo opportunities. The second "
                   "post in our Cities Diplomacy Series argues they can be the groundwork for "
                   "serious city diplomacy.",
        "body": blocks("""
        Many European towns greet visitors with a sign listing their twin towns, and cities on every
        continent keep similar partnerships. Critics see little more than occasional delegations and
        exchange visits. Yet the first post in this series showed how hard cities now work to be
        heard internationally, and twinning is often where those international habits begin. The
        practice spread across Europe after the Second World War, when towns saw contact between
        citizens as a way to rebuild trust across former front lines.

        ## What twinning offers

        A long partnership gives two local administrations something a lobbying campaign rarely
        does: trust built over years. Officials who already know each other's offices are quicker to
        share data, compare how a policy was carried out, or help after a disaster. Schools,
        universities, businesses and civic groups often follow the official link and give it a life
        of its own. Such ties cost little compared with an office abroad, and they can be activated
        quickly when a shared problem appears. For small towns without international staff, a twin
        may be the only regular window onto how other administrations work.

        > Diplomacy starts with relationships, and twinning is where many cities first learn to
        build them.
        -- UCLG editorial team

        ### Making partnerships count

        The challenge is to give these relationships a purpose. Partnerships work best when both
        sides agree on a few concrete aims, report on them openly, and connect their bilateral ties
        to wider networks so that lessons travel beyond the two cities involved. In practice
        that means choosing partners for substance as well as sentiment, involving residents, and
        letting dormant agreements lapse. Where that happens, twinning becomes part of a city's
        diplomatic toolbox rather than a ceremonial leftover: a few active partnerships are worth
        more than a long list of names on a road sign.

        !! Coming next
        Later posts in the Cities Diplomacy Series will look at how city networks speak for their
        members in global negotiations.
        """),
    },
]

# fmt: on
