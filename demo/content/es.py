"""The demo in Spanish: translations of the English pages and vocabulary, written for the demo.

Laid out as ``fr.py`` is (see there): pages keyed by the English page's slug, bodies with the
English body's blocks in the same order, vocabulary words for each row's ``translations``.
"""

from .markup import blocks

LANGUAGE = "es"

# Laid out by hand, one record per few lines.
# fmt: off

HOME = {
    "title": "City Forum",
    "slug": "inicio",
    "intro": "<p>Un punto de encuentro para líderes urbanos, investigadores y gobiernos "
             "locales: debate, investigación y noticias sobre cómo se gobiernan las ciudades y "
             "cómo colaboran más allá de las fronteras.</p>",
}

BLOG_INDEX = {
    "title": "Blog de debate",
    "slug": "blog",
    "intro": "<p>Opinión, investigación y noticias de los gobiernos locales y regionales y de "
             "quienes trabajan con ellos. Son bienvenidos los artículos y comentarios de todas "
             "las personas a las que les importa cómo las ciudades sirven a sus vecinos.</p>",
}

PROJECT_INDEX = {
    "title": "Proyectos de investigación",
    "slug": "projects",
    "intro": "<p>Estudios sobre cómo se dirigen las ciudades, cómo actúan más allá de las "
             "fronteras nacionales y qué pueden aprender los gobiernos locales de lo que se hace "
             "en otros lugares. Filtre la lista por tema, estado, país, ciudad o socio, o siga "
             "el canal de proyectos nuevos.</p>",
}

THEMES = {
    "urbansdg": {
        "name": "ODS urbano",
        "description": "La campaña por un objetivo de desarrollo sostenible propio, dedicado a "
                       "las ciudades y los asentamientos humanos, en la agenda de desarrollo "
                       "posterior a 2015."},
    "city-diplomacy": {
        "name": "Diplomacia de ciudades",
        "description": "Cómo actúan las ciudades y sus redes más allá de las fronteras "
                       "nacionales: alianzas, incidencia, cabildeo y un lugar en las "
                       "negociaciones internacionales."},
    "world-cities-day": {
        "name": "Día Mundial de las Ciudades",
        "description": "El día de las Naciones Unidas dedicado a las ciudades, el 31 de "
                       "octubre, que se celebró por primera vez en 2014."},
    "city-leadership": {
        "name": "Liderazgo urbano",
        "description": "Alcaldes, concejos y altos cargos: cómo se dirigen las ciudades y cómo "
                       "sus líderes marcan la estrategia a largo plazo."},
    "urban-innovation": {
        "name": "Innovación urbana",
        "description": "Nuevas formas de planificar, prestar servicios y responder a las "
                       "presiones sociales, económicas y ambientales en las ciudades."},
    "local-governance": {
        "name": "Gobernanza local",
        "description": "Cómo se organizan, se financian y rinden cuentas los gobiernos locales "
                       "y regionales, dentro de su territorio y en ámbitos más amplios."},
    "safer-cities": {
        "name": "Ciudades más seguras",
        "description": "La seguridad urbana: prevenir la delincuencia y la violencia, y ofrecer "
                       "espacios públicos que todo el mundo pueda usar sin miedo."},
    "participatory-budgeting": {
        "name": "Presupuesto participativo",
        "description": "Los vecinos deciden directamente en qué se gasta una parte del "
                       "presupuesto público, un enfoque asociado a Porto Alegre y Medellín."},
    "climate-action": {
        "name": "Acción climática",
        "description": "Lo que hacen las ciudades para reducir sus emisiones y adaptarse al "
                       "cambio climático."},
    "city-networks": {
        "name": "Redes de ciudades",
        "description": "Las asociaciones y redes a través de las cuales las ciudades comparten "
                       "conocimientos y hablan con una sola voz."},
}

CATEGORIES = {
    "local-governance": {
        "name": "Gobernanza local",
        "description": "Cómo funcionan los gobiernos locales y regionales, por separado y en "
                       "conjunto."},
    "urban-innovation": {
        "name": "Innovación urbana",
        "description": "Ideas nuevas que prueban las ciudades y lo que otras pueden aprender de "
                       "ellas."},
    "opinion": {
        "name": "Opinión",
        "description": "Opiniones firmadas por líderes urbanos, investigadores y profesionales "
                       "de la ciudad."},
    "research": {
        "name": "Investigación",
        "description": "Resultados y proyectos de universidades y centros de investigación."},
}

SERIES = {
    "cities-diplomacy-series": {
        "name": "Serie Diplomacia de ciudades",
        "description": "Cómo actúan las ciudades y sus redes más allá de las fronteras "
                       "nacionales, desde el cabildeo y la incidencia hasta el hermanamiento y "
                       "la diplomacia propiamente dicha. Conviene leerla en orden."},
}

# Organisations keep their own names unless they have one in Spanish; a name left out here
# stays the English one.
ORGANISATIONS = {
    "uclg": {
        "name": "Ciudades y Gobiernos Locales Unidos (CGLU)",
        "description": "Red mundial de gobiernos locales y regionales; mantiene un blog de "
                       "debate abierto a sus miembros y al conjunto de la comunidad local."},
    "un-habitat": {
        "name": "ONU-Hábitat",
        "description": "El programa de las Naciones Unidas para los asentamientos humanos y el "
                       "desarrollo urbano sostenible."},
    "ucl-city-leadership-initiative": {
        "name": "Iniciativa de Liderazgo Urbano de UCL",
        "description": "Iniciativa de investigación sobre liderazgo urbano con sede en UCL "
                       "STEaPP, dirigida junto con ONU-Hábitat y el Banco Mundial."},
    "sercotec": {
        "description": "Agencia del Estado de Chile que ayuda a crecer a las pequeñas empresas "
                       "y al comercio de barrio."},
    "minvu": {
        "description": "El ministerio chileno encargado de la vivienda y el desarrollo urbano."},
    "foreign-and-commonwealth-office": {
        "name": "Ministerio de Asuntos Exteriores y de la Commonwealth (FCO)",
        "description": "El ministerio británico de asuntos exteriores; socio en la investigación "
                       "sobre diplomacia de ciudades y hermanamientos."},
    "uk-embassy-santiago": {
        "name": "Embajada del Reino Unido en Santiago",
        "description": "La misión diplomática británica en Chile; ayudó a poner en marcha el "
                       "intercambio entre el Reino Unido y Chile sobre liderazgo urbano."},
    "fco-prosperity-fund": {
        "name": "Fondo de Prosperidad del FCO",
        "description": "Fondo del Gobierno británico, gestionado por su ministerio de asuntos "
                       "exteriores, que financia trabajos para impulsar el crecimiento "
                       "económico en países socios."},
    "business-of-cities": {
        "description": "Empresa de investigación y asesoría especializada en ciudades; "
                       "cofacilitadora del programa en Chile."},
}

POSTS = {
    "october-urban-month-urbansdg": {
        "title": "Octubre, el mes urbano: argumentos a favor de un #urbanSDG",
        "slug": "octubre-mes-urbano-urbansdg",
        "excerpt": "Con octubre de 2014 dedicado a pensar en las ciudades, CGLU quiere "
                   "aprovechar sus 31 días para defender un objetivo urbano propio en la "
                   "próxima agenda de desarrollo.",
        "body": blocks("""
        Este octubre, la comunidad internacional dedica a las ciudades un mes entero. Gobiernos,
        investigadores, líderes locales y vecinos están invitados a pensar en lo que la
        urbanización significa para todos: las presiones que genera, las oportunidades que abre y
        el futuro urbano que queremos. Ahora que una parte cada vez mayor de la humanidad vive en
        pueblos y ciudades, no son cuestiones menores. Están en el centro de cualquier plan serio
        de desarrollo sostenible. Para los gobiernos locales, que lidian a diario con los efectos
        de un crecimiento urbano acelerado, el mes es también una oportunidad de hacerse oír.

        ## Por qué las ciudades necesitan su propio objetivo

        En CGLU vemos el mes urbano como una oportunidad, no solo como una celebración. El mundo
        está negociando los objetivos que tomarán el relevo de los Objetivos de Desarrollo del
        Milenio, y creemos que deben incluir uno sobre las ciudades y los asentamientos humanos.
        Sin él, los lugares donde la mayoría de la gente vive, trabaja y consume solo se
        tratarían de forma indirecta, dispersos entre metas sobre agua, energía o salud, y los
        gobiernos locales que prestan muchos de esos servicios seguirían al margen.

        > Si la nueva agenda quiere cambiar la vida cotidiana, tiene que hablar de los lugares
        donde esa vida transcurre: nuestras ciudades y pueblos.
        -- Josep Roig, secretario general de CGLU

        Un objetivo urbano daría a alcaldes y concejos un marco de acción claro y un lenguaje
        común con los gobiernos nacionales y los socios internacionales. Reconocería que una buena
        planificación, una vivienda digna, unos espacios públicos seguros y unas instituciones
        locales que rinden cuentas impulsan el desarrollo en lugar de ser una consecuencia suya.
        También permitiría medir el avance ciudad por ciudad, de modo que los informes nacionales
        reflejen lo que ocurre sobre el terreno y no promedios que ocultan grandes diferencias
        entre barrios.

        Durante todo el mes, nuestros miembros y socios defenderán esta causa en internet con la
        etiqueta #urbanSDG. Invitamos a cada gobierno local y regional, y a cada vecino al que le
        importe su ciudad, a sumar su voz, compartir un ejemplo y mostrar a los negociadores por
        qué las ciudades merecen un lugar entre los objetivos. Cada aportación, por pequeña que
        sea, hace que el argumento sea más difícil de ignorar.

        !! Siga la campaña
        Use <b>#urbanSDG</b> en las redes sociales y suscríbase al canal de este tema para leer
        todas las entradas de la campaña.
        """),
    },
    "first-world-cities-day": {
        "title": "31 de octubre: el primer Día Mundial de las Ciudades",
        "slug": "primer-dia-mundial-de-las-ciudades",
        "excerpt": "Mañana el mundo celebra por primera vez el Día Mundial de las Ciudades: una "
                   "fecha de las Naciones Unidas que sitúa a las ciudades y la buena "
                   "planificación en el centro del desarrollo sostenible.",
        "body": blocks("""
        Mañana, 31 de octubre, es una fecha para señalar en todos los ayuntamientos. Las Naciones
        Unidas la han declarado Día Mundial de las Ciudades, y 2014 es el primer año en que se
        celebra. La nueva jornada cierra el mes urbano de octubre y reconoce oficialmente lo que
        los gobiernos locales llevan tiempo sosteniendo: cómo planificamos y gestionamos las
        ciudades decidirá en buena medida si el desarrollo puede ser sostenible. Llega cuando más
        de la mitad de la población mundial vive ya en zonas urbanas, una proporción que no deja
        de crecer.

        ## Por qué un día para las ciudades

        Los días internacionales pueden parecer simbólicos, pero tienen usos muy prácticos. Dan a
        los alcaldes un motivo para llevar las cuestiones urbanas ante sus gobiernos nacionales,
        ayudan a periodistas y docentes a explicar temas que suelen quedar en manos de
        especialistas y fijan cada año un momento para hacer balance. El calendario es
        especialmente oportuno mientras siguen las negociaciones sobre los futuros objetivos de
        desarrollo y todavía hay que defender la causa de un #urbanSDG. Una fecha compartida
        ayuda además a las ciudades a comparar experiencias: los actos celebrados el mismo día en
        muchos lugares muestran la variedad de los retos urbanos, de los asentamientos informales
        a los viejos centros industriales, y lo que los une.

        > Reconocer a las ciudades un día al año es un comienzo; la verdadera prueba es si
        reciben los medios para actuar los otros 364.
        -- Equipo editorial de CGLU

        ### Una convocatoria de ideas urbanas

        Con este motivo, ONU-Hábitat y The Guardian han pedido a lectores y profesionales que
        envíen las mejores ideas urbanas que ya funcionan en algún lugar del mundo. Es de
        agradecer que se apueste por ideas probadas y no por visiones lejanas: muchas de las
        soluciones más útiles son modestas, locales y fáciles de trasladar. Esperamos que los
        gobiernos locales respondan en gran número y que las ideas reunidas se difundan en lugar
        de quedar archivadas. Muchos de nuestros miembros tienen experiencias que vale la pena
        compartir, y este es un buen momento para hacerlo.

        !! Participe
        ¿Conoce en su ciudad un proyecto que merezca un público más amplio? Preséntelo a la
        convocatoria y cuéntenoslo en los comentarios.
        """),
    },
}

PROJECTS = {
    "city-leadership-chile": {
        "title": "Liderazgo urbano en Chile",
        "slug": "liderazgo-urbano-en-chile",
        "summary": "Un intercambio entre Chile y el Reino Unido sobre cómo se dirigen las "
                   "ciudades chilenas y cómo pueden prosperar sus barrios comerciales. Para "
                   "SERCOTEC y el ministerio chileno de vivienda y urbanismo (MINVU), el equipo "
                   "aprovechó la experiencia británica con los distritos de mejora empresarial, "
                   "la descentralización y el trabajo prospectivo Foresight sobre el futuro de "
                   "las ciudades.",
        "body": blocks("""
            El Gobierno de Chile busca un marco nacional que ayude a sus ciudades a liderar con
            más ambición y que respalde al pequeño comercio que da vida a los barrios. Junto con
            el Ministerio de Asuntos Exteriores británico (FCO) y la Embajada del Reino Unido en
            Santiago, este programa conectó ese trabajo de políticas públicas con lo que el Reino
            Unido ha aprendido sobre las mismas cuestiones.

            ## Tres temas elegidos por Chile

            SERCOTEC y el MINVU fijaron la agenda: el liderazgo urbano en sí, la gobernanza
            inteligente de las áreas urbanas y los distritos de mejora empresarial (BID, por sus
            siglas en inglés). El equipo de UCL y The Business of Cities convirtieron en
            recomendaciones adaptadas a la realidad chilena las lecciones del programa Foresight
            sobre el futuro de las ciudades, del traspaso de competencias a las ciudades
            británicas y de la investigación internacional de la Iniciativa.

            ## Expertos en ambos sentidos

            Expertos de los dos países viajaron de uno a otro en dos ocasiones, en junio y de
            nuevo en noviembre, para comparar prácticas sobre el terreno, con una visita incluida
            a los barrios comerciales de Santiago. Las visitas pretendían también dejar lazos
            duraderos entre investigadores y responsables políticos de Chile y el Reino Unido.

            ## Resultados y financiación

            El MINVU recibe un libro blanco sobre cómo una estrategia nacional podría hacer más
            inteligentes el liderazgo y la gobernanza de las ciudades chilenas. Un informe de
            políticas más breve resume lo que los BID británicos y algunos casos internacionales
            pueden enseñar a las ciudades de Chile. El programa lo financia el Fondo de
            Prosperidad del Ministerio de Asuntos Exteriores británico.
        """),
    },
}

# fmt: on
