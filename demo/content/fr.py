"""The demo in French: translations of the English pages and vocabulary, written for the demo.

Pages are keyed by the English page's slug. A translated body has the very blocks of the
English one, in the same order (the loader pairs them, string by string, to fill
wagtail-localize's translation memory), so it is written in the markup of ``markup.py`` too.
Vocabulary words go into each row's ``translations``.

The sections in the menu keep their English slugs, as the site's other routes do
(``/fr/themes/``, ``/fr/search/``): a section's address differs only by its language prefix
(``/fr/projects/``). Posts and projects have slugs in their own language.
"""

from .markup import blocks

LANGUAGE = "fr"

# Laid out by hand, one record per few lines.
# fmt: off

HOME = {
    "title": "City Forum",
    "slug": "accueil",
    "intro": "<p>Un lieu de rencontre pour les élus et responsables des villes, les chercheurs "
             "et les collectivités locales : débats, recherches et actualités sur la façon dont "
             "les villes sont gouvernées et coopèrent par-delà les frontières.</p>",
}

BLOG_INDEX = {
    "title": "Blog de débat",
    "slug": "blog",
    "intro": "<p>Tribunes, recherches et actualités des collectivités locales et régionales, et "
             "de celles et ceux qui travaillent à leurs côtés. Articles et commentaires sont "
             "les bienvenus, de la part de quiconque se soucie de la manière dont les villes "
             "servent leurs habitants.</p>",
}

PROJECT_INDEX = {
    "title": "Projets de recherche",
    "slug": "projects",
    "intro": "<p>Des études sur la manière dont les villes sont dirigées, sur leur action "
             "au-delà des frontières nationales et sur ce que les collectivités locales peuvent "
             "retenir d'expériences menées ailleurs. Affinez la liste par thème, statut, pays, "
             "ville ou partenaire, ou suivez le flux des nouveaux projets.</p>",
}

THEMES = {
    "urbansdg": {
        "name": "ODD urbain",
        "description": "La campagne pour un objectif de développement durable à part entière, "
                       "consacré aux villes et aux établissements humains, dans l'agenda de "
                       "développement de l'après-2015."},
    "city-diplomacy": {
        "name": "Diplomatie des villes",
        "description": "Comment les villes et leurs réseaux agissent au-delà des frontières "
                       "nationales : partenariats, plaidoyer, lobbying et place à la table des "
                       "négociations internationales."},
    "world-cities-day": {
        "name": "Journée mondiale des villes",
        "description": "La journée des Nations unies consacrée aux villes, le 31 octobre, "
                       "célébrée pour la première fois en 2014."},
    "city-leadership": {
        "name": "Leadership urbain",
        "description": "Maires, conseils municipaux et hauts responsables : comment les villes "
                       "sont dirigées et comment leurs dirigeants dessinent la stratégie à long "
                       "terme."},
    "urban-innovation": {
        "name": "Innovation urbaine",
        "description": "De nouvelles manières pour les villes de planifier, de rendre des "
                       "services et de faire face aux pressions sociales, économiques et "
                       "environnementales."},
    "local-governance": {
        "name": "Gouvernance locale",
        "description": "Comment les collectivités locales et régionales sont organisées, "
                       "financées et tenues de rendre des comptes, chez elles comme sur des "
                       "scènes plus larges."},
    "safer-cities": {
        "name": "Villes plus sûres",
        "description": "La sécurité urbaine : prévenir la délinquance et la violence, et offrir "
                       "des espaces publics que chacun peut fréquenter sans crainte."},
    "participatory-budgeting": {
        "name": "Budget participatif",
        "description": "Les habitants décident eux-mêmes de l'usage d'une partie d'un budget "
                       "public, une démarche associée à Porto Alegre et à Medellín."},
    "climate-action": {
        "name": "Action climatique",
        "description": "Ce que font les villes pour réduire leurs émissions et s'adapter au "
                       "changement climatique."},
    "city-networks": {
        "name": "Réseaux de villes",
        "description": "Les associations et réseaux grâce auxquels les villes partagent leurs "
                       "savoirs et parlent d'une seule voix."},
}

CATEGORIES = {
    "local-governance": {
        "name": "Gouvernance locale",
        "description": "Le fonctionnement des collectivités locales et régionales, seules ou "
                       "ensemble."},
    "urban-innovation": {
        "name": "Innovation urbaine",
        "description": "Les idées nouvelles que tentent les villes, et ce que d'autres peuvent "
                       "en tirer."},
    "opinion": {
        "name": "Tribune",
        "description": "Des points de vue signés d'élus, de chercheurs et de praticiens de la "
                       "ville."},
    "research": {
        "name": "Recherche",
        "description": "Résultats et projets des universités et des centres de recherche."},
}

SERIES = {
    "cities-diplomacy-series": {
        "name": "Série Diplomatie des villes",
        "description": "Comment les villes et leurs réseaux agissent au-delà des frontières "
                       "nationales, du lobbying et du plaidoyer jusqu'au jumelage et à la "
                       "diplomatie proprement dite. À lire dans l'ordre."},
}

# Organisations keep their own names unless they have one in French; a name left out here
# stays the English one.
ORGANISATIONS = {
    "uclg": {
        "name": "Cités et Gouvernements Locaux Unis (CGLU)",
        "description": "Réseau mondial des collectivités locales et régionales ; il anime un "
                       "blog de débat ouvert à ses membres et à l'ensemble du monde local."},
    "un-habitat": {
        "name": "ONU-Habitat",
        "description": "Le programme des Nations unies pour les établissements humains et le "
                       "développement urbain durable."},
    "world-bank": {
        "name": "Banque mondiale",
        "description": "Banque internationale de développement ; partenaire de la City "
                       "Leadership Initiative."},
    "the-guardian": {
        "description": "Quotidien britannique ; avec ONU-Habitat, il a lancé un appel à idées "
                       "urbaines pour la première Journée mondiale des villes."},
}

POSTS = {
    "october-urban-month-urbansdg": {
        "title": "Octobre, le mois urbain : plaidoyer pour un #urbanSDG",
        "slug": "octobre-mois-urbain-urbansdg",
        "excerpt": "Octobre 2014 est consacré à la réflexion sur les villes : CGLU compte en "
                   "utiliser les 31 jours pour défendre un objectif urbain à part entière dans "
                   "le prochain agenda du développement.",
        "body": blocks("""
        En ce mois d'octobre, la communauté internationale consacre un mois entier aux villes.
        Gouvernements, chercheurs, élus locaux et habitants sont invités à réfléchir à ce que
        l'urbanisation signifie pour chacun de nous : les tensions qu'elle crée, les possibilités
        qu'elle ouvre et l'avenir urbain que nous souhaitons. Alors qu'une part croissante de
        l'humanité vit en ville, ces questions n'ont rien de marginal. Elles sont au cœur de tout
        projet sérieux de développement durable. Pour les collectivités locales, qui gèrent au
        quotidien les effets d'une croissance urbaine rapide, ce mois est aussi l'occasion de se
        faire entendre.

        ## Pourquoi les villes ont besoin de leur propre objectif

        À CGLU, nous voyons dans le mois urbain une occasion à saisir, pas seulement une fête. Le
        monde négocie les objectifs qui prendront le relais des objectifs du Millénaire pour le
        développement, et nous sommes convaincus qu'ils doivent en compter un sur les villes et
        les établissements humains. Faute de quoi, les lieux où la plupart des gens vivent,
        travaillent et consomment ne seraient abordés qu'indirectement, au détour de cibles sur
        l'eau, l'énergie ou la santé, et les collectivités locales qui assurent bon nombre de ces
        services resteraient sur la touche.

        > Si le nouvel agenda veut changer la vie quotidienne, il doit parler des lieux où elle
        se déroule : nos villes et nos villages.
        -- Josep Roig, secrétaire général de CGLU

        Un objectif urbain donnerait aux maires et aux conseils municipaux un cadre d'action clair
        et un langage commun avec les États et les partenaires internationaux. Il reconnaîtrait
        qu'une bonne planification, des logements dignes, des espaces publics sûrs et des
        institutions locales qui rendent des comptes sont des moteurs du développement, et non ses
        retombées. Il permettrait aussi de mesurer les progrès ville par ville, pour que les
        rapports nationaux rendent compte du terrain plutôt que de moyennes qui masquent de
        profonds écarts entre quartiers.

        Tout au long du mois, nos membres et partenaires plaideront leur cause en ligne sous le
        mot-dièse #urbanSDG. Nous invitons chaque collectivité locale et régionale, et chaque
        habitant attaché à sa ville, à joindre sa voix, à partager un exemple et à montrer aux
        négociateurs pourquoi les villes méritent une place parmi les objectifs. Chaque
        contribution, même modeste, rend l'argument plus difficile à ignorer.

        !! Suivez la campagne
        Utilisez <b>#urbanSDG</b> sur les réseaux sociaux et abonnez-vous au flux de ce thème pour
        lire tous les articles de la campagne.
        """),
    },
    "first-world-cities-day": {
        "title": "31 octobre : la première Journée mondiale des villes",
        "slug": "premiere-journee-mondiale-des-villes",
        "excerpt": "Demain, le monde célèbre pour la première fois la Journée mondiale des "
                   "villes : une date des Nations unies qui place les villes et une bonne "
                   "planification au cœur du développement durable.",
        "body": blocks("""
        Demain, 31 octobre, est une date à retenir dans chaque mairie. Les Nations unies en ont
        fait la Journée mondiale des villes, et 2014 est la première année où elle est célébrée.
        Cette nouvelle journée clôt le mois urbain d'octobre et reconnaît officiellement ce que
        les collectivités locales répètent depuis longtemps : la façon dont nous planifions et
        gérons les villes décidera pour une large part de la durabilité du développement. Elle
        arrive alors que plus de la moitié de la population mondiale vit déjà en zone urbaine, et
        que cette part ne cesse de croître.

        ## Pourquoi une journée pour les villes

        Les journées internationales peuvent paraître symboliques, mais elles servent à des
        choses concrètes. Elles donnent aux maires une raison de porter les questions urbaines
        auprès de leur gouvernement, elles aident journalistes et enseignants à expliquer des
        sujets d'ordinaire laissés aux spécialistes, et elles fixent chaque année un moment pour
        faire le point. Le calendrier tombe bien, tant que se poursuivent les discussions sur les
        futurs objectifs de développement et que la cause d'un #urbanSDG reste à défendre. Une
        date commune aide aussi les villes à comparer leurs expériences : les événements tenus le
        même jour en de nombreux endroits montrent la diversité des défis urbains, des quartiers
        informels aux vieux centres industriels, et ce qui les relie.

        > Reconnaître les villes un jour par an est un début ; la vraie question est de savoir si
        elles reçoivent les moyens d'agir les 364 autres.
        -- L'équipe éditoriale de CGLU

        ### Un appel à idées urbaines

        À cette occasion, ONU-Habitat et le Guardian ont invité lecteurs et praticiens à proposer
        les meilleures idées urbaines qui fonctionnent déjà quelque part dans le monde. Miser sur
        des idées éprouvées plutôt que sur des visions lointaines est une bonne chose : bien des
        solutions parmi les plus utiles sont modestes, locales et faciles à transposer. Nous
        espérons que les collectivités locales répondront nombreuses à l'appel et que les idées
        recueillies circuleront largement au lieu de finir dans un tiroir. Beaucoup de nos membres
        ont une expérience qui mérite d'être transmise, et c'est le bon moment pour le faire.

        !! Participez
        Vous connaissez dans votre ville un projet qui mérite d'être mieux connu ? Proposez-le à
        l'appel et parlez-nous-en dans les commentaires.
        """),
    },
}

PROJECTS = {}

# fmt: on
