# The banks are text in seven languages, with their own quotes, dashes and punctuation.
"""Phrase banks for the synthetic corpus: invented news sentences and boilerplate, per language.

Each `Bank` holds the pieces `benchmarks.corpus` assembles into pages: sentence parts
(subjects, verbs, objects, adjuncts) that combine in a language's word order, names,
months, and every kind of boilerplate line a scraped news page carries. All text was
written for this benchmark; the sites and people are invented.

>>> BANKS["de"].credit_line("Eine Brücke im Nebel", "dpa")
'Eine Brücke im Nebel. Foto: dpa'
>>> sorted(BANKS)
['de', 'en', 'es', 'fr', 'pl', 'ru', 'zh']
"""

from __future__ import annotations

from dataclasses import dataclass


def _lines(block: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


def _words(block: str) -> tuple[str, ...]:
    return tuple(block.split())


@dataclass(frozen=True)
class Bank:
    """The pieces of pages in one language.

    `templates` are sentence patterns over `{s}` subject (`{s_low}` lower-cased), `{v}`
    verb, `{o}` object, `{a}` adjunct, `{p}` person, `{n}` a number and `{k}` a small one;
    `quote` wraps a sentence `{q}` said by `{p}`. `caption_credit` formats a caption `{c}` with a
    credit `{k}`.
    """

    lang: str
    sites: tuple[str, ...]
    sections: tuple[str, ...]
    nav_extra: tuple[str, ...]
    subjects: tuple[str, ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    adjuncts: tuple[str, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    templates: tuple[str, ...]
    quote: str
    months: tuple[str, ...]
    dateline: str
    byline: str
    listen: tuple[str, ...]
    read_more: str
    watch: str
    share: tuple[str, ...]
    subscribe: tuple[str, ...]
    cookie: tuple[str, ...]
    advert: tuple[str, ...]
    comments: str
    caption_credit: str
    teaser_headings: tuple[str, ...]
    see_more: str
    footer: tuple[str, ...]
    copyright: str
    spaced: bool = True
    """Words are separated by spaces (False for Chinese)."""

    def credit_line(self, caption: str, credit: str) -> str:
        """The caption line with its credit, as pages print it under a picture."""
        return self.caption_credit.format(c=caption, k=credit)


CREDITS = ("Getty", "Reuters", "AP", "AFP", "PA", "EPA", "Alamy", "Shutterstock")
"""Picture agencies, shared by all languages."""

EN = Bank(
    lang="en",
    sites=_lines("""
        Dunmore Herald
        The Northern Ledger
        Westbay Courier
        Harbour City Post
        Kestrel Valley Times
        The Morning Lantern
    """),
    sections=_lines("""
        News
        UK
        World
        Politics
        Business
        Money
        Sport
        Football
        Health
        Science
        Technology
        Culture
        Opinion
        Travel
        Weather
    """),
    nav_extra=_lines("""
        Search
        Sign in
        Menu
        Home
        Subscribe
    """),
    subjects=_lines("""
        The city council
        The regional health board
        A spokesperson for the ministry
        The opposition leader
        Local residents
        The transport authority
        The head teacher
        The finance minister
        Police officers
        A group of scientists
        The club's manager
        The union representing nurses
        The harbour master
        Emergency services
        The university's research team
        The county's chief planner
        A coalition of charities
        The energy regulator
        Shop owners in the high street
        The football association
        The company's chief executive
        The environment agency
        Farmers in the valley
        The mayor
        The court
        The inquiry panel
        Volunteers from the rescue centre
        The national weather service
        The airport operator
        The housing association
        The festival organisers
        The defence secretary
        Parents at the school
        The museum's director
        The rail operator
        The prime minister
        Doctors at the hospital
        The water company
        The hospital trust
        The local MP
    """),
    verbs=_lines("""
        approved
        rejected
        announced
        criticised
        welcomed
        delayed
        published
        defended
        questioned
        postponed
        launched
        reviewed
        backed
        warned against
        called for
        confirmed
        outlined
        scrapped
        investigated
        agreed to fund
        raised concerns about
        unveiled
        opposed
        promised to speed up
        admitted problems with
        signed off
        challenged
        put forward
        cautiously supported
        pressed ahead with
    """),
    objects=_lines("""
        the new budget
        plans for a second bridge
        a ban on overnight parking
        the long-awaited flood defences
        a review of school meals
        the proposed rise in council tax
        the closure of the coastal road
        a pilot scheme for electric buses
        the report on hospital waiting times
        the sale of the old library
        a new cycle lane along the river
        the merger of two fire stations
        emergency funding for small farms
        the contract for bin collections
        an inquiry into the power cut
        the plan to extend the tram line
        changes to the match-day timetable
        a pay offer for teaching assistants
        the redevelopment of the market hall
        stricter rules for short-term lets
        a new youth centre
        the decision to cut bus routes
        a grant for the lifeboat station
        the refit of the leisure centre
        the housing target for the district
        a curfew for late-night bars
        the design of the new stadium
        funding for mental health services
        a trial of four-day school weeks
        the cost of repairing the sea wall
        the expansion of the airport
        a scheme to plant ten thousand trees
        the appointment of a new chief constable
        a review of ambulance response times
        the price cap on energy bills
    """),
    adjuncts=_lines("""
        on Monday
        on Tuesday evening
        late on Wednesday
        after a heated debate
        after months of delay
        at a packed public meeting
        in a statement on Friday
        following a consultation
        despite strong objections
        before the summer recess
        ahead of next year's election
        in a vote of eleven to four
        at the start of the week
        during a visit to the town
        in an interview with reporters
        after a string of complaints
        at the annual conference
        in a letter to residents
        on the steps of the town hall
        at short notice
        after an independent review
        following heavy rain
        in the early hours of the morning
        for the third time this year
        without further consultation
    """),
    first_names=_words("""
        Aoife Daniel Priya Tom Grace Hamza Sophie Callum Megan Oliver Rachel Samuel Fiona
        Kwame Eleanor Liam Nadia Owen Harriet Joseph
    """),
    last_names=_words("""
        Brennan Reid Okafor Whitfield Patel Lindqvist Gallagher Hughes Moreton Ashworth Kaur
        Donnelly Fairbairn Nkemelu Thornton Carver Walsh Pemberton
    """),
    templates=(
        "{s} {v} {o} {a}.",
        "{s} {v} {o} {a}, the council said.",
        "{s} {v} {o}, and {s_low} {v} {o} {a}.",
        "It comes after {s_low} {v} {o} {a}.",
        "{p}, who has lived in the area for {k} years, said the town’s residents deserved better.",
        "More than {n} people signed a petition {a}.",
        "The figure rose to {n} per cent {a}, according to official data.",
        "{s} {v} {o}, which will cost about £{n} million.",
    ),
    quote="“{q},” said {p}.",
    months=_words("""
        January February March April May June July August September October November
        December
    """),
    dateline="{d} {m} {y}, {hh}:{mm}",
    byline="By {p}",
    listen=("Listen to this article", "Loading audio..."),
    read_more="Read more: {h}",
    watch="Watch: {h}",
    share=_lines("""
        Share this article
        Share on Facebook
        Share on X
        Copy link
        Share this story
    """),
    subscribe=_lines("""
        Sign up for our daily newsletter
        Subscribe to continue reading
        Get the morning briefing straight to your inbox
    """),
    cookie=_lines("""
        We use cookies to give you the best experience on our website.
        Accept all cookies
        Manage cookie preferences
    """),
    advert=("Advertisement", "Sponsored", "Ad"),
    comments="Comments ({n})",
    caption_credit="{c}. Picture: {k}",
    teaser_headings=_lines("""
        Latest News
        Most Read
        More from Sport
        Related Stories
        You may also like
        Top Stories
    """),
    see_more="See more {h}",
    footer=_lines("""
        Contact us
        About us
        Privacy & Cookies
        Terms & Conditions
        Advertise with us
        Accessibility
    """),
    copyright="© {y} {site}",
)

DE = Bank(
    lang="de",
    sites=_lines("""
        Rheintaler Anzeiger
        Norddeutsche Rundschau
        Tagesblatt Lindenau
        Hanse Kurier
        Alpenland Zeitung
    """),
    sections=_lines("""
        Nachrichten
        Politik
        Wirtschaft
        Sport
        Fußball
        Kultur
        Wissen
        Gesundheit
        Digital
        Panorama
        Reise
        Meinung
        Region
    """),
    nav_extra=_lines("""
        Suche
        Anmelden
        Menü
        Startseite
        Abo
    """),
    subjects=_lines("""
        Der Stadtrat
        Die Landesregierung
        Ein Sprecher des Ministeriums
        Die Opposition
        Die Anwohner
        Der Verkehrsverbund
        Die Schulleiterin
        Der Finanzminister
        Die Polizei
        Ein Forscherteam der Universität
        Der Trainer des Vereins
        Die Gewerkschaft
        Der Bürgermeister
        Die Feuerwehr
        Der Landkreis
        Das Gericht
        Die Bahn
        Der Betriebsrat
        Die Klinikleitung
        Der Naturschutzbund
        Die Bundesregierung
        Der Wetterdienst
        Die Handwerkskammer
        Der Vorstand des Unternehmens
        Die Stadtwerke
        Der Elternbeirat
        Die Verbraucherzentrale
        Der Landtag
        Die Museumsleitung
        Der Flughafenbetreiber
    """),
    verbs=_lines("""
        beschloss
        kritisierte
        verschob
        prüfte
        forderte
        begrüßte
        verteidigte
        stoppte
        genehmigte
        veröffentlichte
        unterstützte
        lehnte
        plante
        finanzierte
        bestätigte
        untersuchte
        präsentierte
        bemängelte
        verlängerte
        erweiterte
    """),
    objects=_lines("""
        den neuen Haushalt
        den Bau einer zweiten Brücke
        ein Parkverbot in der Altstadt
        den lange geplanten Hochwasserschutz
        die Reform des Schulessens
        die Erhöhung der Grundsteuer
        die Sperrung der Küstenstraße
        ein Pilotprojekt für Elektrobusse
        den Bericht über Wartezeiten in Kliniken
        den Verkauf der alten Bibliothek
        einen Radweg entlang des Flusses
        die Zusammenlegung zweier Feuerwachen
        Nothilfen für kleine Höfe
        den Vertrag für die Müllabfuhr
        eine Untersuchung des Stromausfalls
        die Verlängerung der Straßenbahnlinie
        ein Tarifangebot für Erzieherinnen
        den Umbau der Markthalle
        strengere Regeln für Ferienwohnungen
        ein neues Jugendzentrum
        die Kürzung mehrerer Buslinien
        die Sanierung des Hallenbads
        den Entwurf für das neue Stadion
        mehr Geld für die Pflege
        die Erweiterung des Flughafens
        ein Programm für zehntausend Bäume
        die Preisbremse für Energie
        den Ausbau des Glasfasernetzes
    """),
    adjuncts=_lines("""
        am Montag
        am Dienstagabend
        nach einer hitzigen Debatte
        nach monatelanger Verzögerung
        auf einer gut besuchten Bürgerversammlung
        in einer Mitteilung vom Freitag
        trotz heftiger Einwände
        vor der Sommerpause
        mit elf zu vier Stimmen
        bei einem Besuch in der Stadt
        in einem Brief an die Anwohner
        kurzfristig
        nach einer unabhängigen Prüfung
        nach starken Regenfällen
        zum dritten Mal in diesem Jahr
        ohne weitere Anhörung
        im Gespräch mit Journalisten
        zu Beginn der Woche
    """),
    first_names=_words("""
        Lena Jonas Miriam Tobias Katrin Felix Anja Matthias Sabine Lukas Jana Florian
    """),
    last_names=_words("""
        Hoffmann Krüger Brandt Weißmann Schulte Albers Köhler Vogt Lindner Özdemir Brückner
        Haas
    """),
    templates=(
        "{s} {v} {o} {a}.",
        "{s} {v} {o} {a}, wie die Stadt mitteilte.",
        "Zuvor {v} {s_low} {o} {a}.",
        "Mehr als {n} Menschen unterschrieben {a} eine Petition.",
        "Der Anteil stieg {a} auf {n} Prozent, wie aus amtlichen Zahlen hervorgeht.",
        "{s} {v} {o}, was rund {n} Millionen Euro kosten soll.",
        "{p} lebt seit {k} Jahren im Viertel und ärgert sich über die Entscheidung.",
    ),
    quote="„{q}“, sagte {p}.",
    months=_words("""
        Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    """),
    dateline="{d}. {m} {y}, {hh}:{mm} Uhr",
    byline="Von {p}",
    listen=("Artikel anhören", "Audio wird geladen..."),
    read_more="Lesen Sie auch: {h}",
    watch="Video: {h}",
    share=_lines("""
        Artikel teilen
        Auf Facebook teilen
        Link kopieren
        Per E-Mail teilen
    """),
    subscribe=_lines("""
        Jetzt den Newsletter abonnieren
        Weiterlesen mit Abo
        Jetzt 4 Wochen gratis testen
    """),
    cookie=_lines("""
        Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.
        Alle akzeptieren
        Cookie-Einstellungen
    """),
    advert=("Anzeige", "Werbung"),
    comments="Kommentare ({n})",
    caption_credit="{c}. Foto: {k}",
    teaser_headings=_lines("""
        Mehr zum Thema
        Meistgelesen
        Weitere Nachrichten
        Das könnte Sie auch interessieren
    """),
    see_more="Mehr aus {h}",
    footer=_lines("""
        Impressum
        Datenschutz
        Kontakt
        AGB
        Barrierefreiheit
    """),
    copyright="© {site} {y}",
)

FR = Bank(
    lang="fr",
    sites=_lines("""
        Le Courrier de la Loire
        La Gazette du Littoral
        L'Écho des Vallées
        Le Journal de Montbrise
    """),
    sections=_lines("""
        Actualités
        Politique
        Économie
        International
        Sport
        Culture
        Santé
        Sciences
        Société
        Régions
        Opinions
        Météo
    """),
    nav_extra=_lines("""
        Rechercher
        Se connecter
        Menu
        Accueil
        S'abonner
    """),
    subjects=_lines("""
        Le conseil municipal
        La préfecture
        Un porte-parole du ministère
        L'opposition
        Les riverains
        La régie des transports
        La directrice de l'école
        Le ministre des Finances
        La gendarmerie
        Une équipe de chercheurs
        L'entraîneur du club
        Le syndicat des infirmiers
        Le maire
        Les pompiers
        Le tribunal administratif
        La SNCF
        La direction de l'hôpital
        Une association de défense de l'environnement
        Le gouvernement
        Météo-France
        La chambre de commerce
        Le conseil départemental
        Les parents d'élèves
        La direction du musée
    """),
    verbs=_lines("""
        a approuvé
        a rejeté
        a annoncé
        a critiqué
        a salué
        a reporté
        a publié
        a défendu
        a remis en cause
        a lancé
        a examiné
        a soutenu
        a confirmé
        a présenté
        a abandonné
        a financé
        a contesté
        a prolongé
    """),
    objects=_lines("""
        le nouveau budget
        le projet d'un second pont
        l'interdiction de stationner la nuit
        les digues attendues depuis longtemps
        la réforme des cantines scolaires
        la hausse de la taxe foncière
        la fermeture de la route côtière
        un essai de bus électriques
        le rapport sur les délais d'attente aux urgences
        la vente de l'ancienne bibliothèque
        une nouvelle piste cyclable le long du fleuve
        la fusion de deux casernes
        une aide d'urgence aux petites exploitations
        le contrat de collecte des déchets
        une enquête sur la panne d'électricité
        le prolongement de la ligne de tramway
        la rénovation des halles
        des règles plus strictes pour les locations saisonnières
        un nouveau centre pour les jeunes
        la suppression de plusieurs lignes de bus
        les plans du nouveau stade
        l'agrandissement de l'aéroport
        un programme de plantation de dix mille arbres
        le bouclier tarifaire sur l'énergie
    """),
    adjuncts=_lines("""
        lundi
        mardi soir
        après un débat animé
        après des mois de retard
        lors d'une réunion publique
        dans un communiqué vendredi
        malgré de fortes oppositions
        avant la pause estivale
        par onze voix contre quatre
        lors d'une visite dans la commune
        dans une lettre aux habitants
        après une expertise indépendante
        à la suite de fortes pluies
        pour la troisième fois cette année
        sans nouvelle concertation
        en début de semaine
    """),
    first_names=_words("""
        Camille Julien Élodie Mathieu Inès Thomas Margaux Karim Claire Antoine Léa Nicolas
    """),
    last_names=_words("""
        Moreau Lefèvre Garnier Benali Rousseau Faure Chevalier Mercier Dubois Girard Lambert
        Perrin
    """),
    templates=(
        "{s} {v} {o} {a}.",
        "{s} {v} {o} {a}, selon la mairie.",
        "Cette décision intervient alors que {s_low} {v} {o} {a}.",
        "Plus de {n} personnes ont signé une pétition {a}.",
        "Le taux a atteint {n} % {a}, selon les chiffres officiels.",
        "{s} {v} {o}, pour un coût d'environ {n} millions d'euros.",
        "{p}, qui habite le quartier depuis {k} ans, se dit déçu par ce choix.",
    ),
    quote="« {q} », a déclaré {p}.",
    months=_words("""
        janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    """),
    dateline="Publié le {d} {m} {y} à {hh}h{mm}",
    byline="Par {p}",
    listen=("Écouter cet article", "Chargement de l'audio..."),
    read_more="Lire aussi : {h}",
    watch="Vidéo : {h}",
    share=_lines("""
        Partager cet article
        Partager sur Facebook
        Copier le lien
        Envoyer par e-mail
    """),
    subscribe=_lines("""
        Inscrivez-vous à notre newsletter
        Article réservé aux abonnés
        Abonnez-vous pour lire la suite
    """),
    cookie=_lines("""
        Nous utilisons des cookies pour améliorer votre expérience.
        Tout accepter
        Paramétrer les cookies
    """),
    advert=("Publicité",),
    comments="Commentaires ({n})",
    caption_credit="{c}. Photo : {k}",
    teaser_headings=_lines("""
        À lire aussi
        Les plus lus
        Sur le même sujet
        Dernières actualités
    """),
    see_more="Voir plus {h}",
    footer=_lines("""
        Mentions légales
        Politique de confidentialité
        Contact
        Conditions générales
        Plan du site
    """),
    copyright="© {site} {y}",
)

ES = Bank(
    lang="es",
    sites=_lines("""
        El Diario del Sur
        La Voz de Almendral
        Heraldo de la Costa
        El Correo de Valdeoro
    """),
    sections=_lines("""
        Noticias
        España
        Internacional
        Política
        Economía
        Deportes
        Fútbol
        Cultura
        Salud
        Ciencia
        Opinión
        Tiempo
    """),
    nav_extra=_lines("""
        Buscar
        Iniciar sesión
        Menú
        Portada
        Suscríbete
    """),
    subjects=_lines("""
        El ayuntamiento
        El gobierno regional
        Un portavoz del ministerio
        La oposición
        Los vecinos
        El consorcio de transportes
        La directora del colegio
        El ministro de Hacienda
        La Guardia Civil
        Un equipo de investigadores
        El entrenador del club
        El sindicato de enfermería
        La alcaldesa
        Los bomberos
        El tribunal
        La dirección del hospital
        Una asociación ecologista
        El Gobierno
        La agencia meteorológica
        La patronal
        La diputación
        Las familias del colegio
    """),
    verbs=_lines("""
        aprobó
        rechazó
        anunció
        criticó
        celebró
        aplazó
        publicó
        defendió
        cuestionó
        lanzó
        revisó
        respaldó
        confirmó
        presentó
        suspendió
        financió
        recurrió
        amplió
    """),
    objects=_lines("""
        el nuevo presupuesto
        el proyecto de un segundo puente
        la prohibición de aparcar de noche
        las defensas contra inundaciones
        la reforma de los comedores escolares
        la subida del impuesto municipal
        el cierre de la carretera de la costa
        una prueba de autobuses eléctricos
        el informe sobre las listas de espera
        la venta de la antigua biblioteca
        un carril bici junto al río
        la fusión de dos parques de bomberos
        ayudas urgentes para pequeñas granjas
        el contrato de recogida de basuras
        una investigación sobre el apagón
        la ampliación de la línea de tranvía
        la reforma del mercado central
        normas más estrictas para los pisos turísticos
        un nuevo centro juvenil
        el recorte de varias líneas de autobús
        el diseño del nuevo estadio
        la ampliación del aeropuerto
        un plan para plantar diez mil árboles
        el tope al precio de la luz
    """),
    adjuncts=_lines("""
        el lunes
        el martes por la noche
        tras un intenso debate
        tras meses de retraso
        en una reunión vecinal
        en un comunicado el viernes
        pese a las fuertes críticas
        antes del verano
        por once votos a cuatro
        durante una visita al municipio
        en una carta a los vecinos
        tras una auditoría independiente
        después de las fuertes lluvias
        por tercera vez este año
        sin más consultas
        a principios de semana
    """),
    first_names=_words("""
        Lucía Javier Carmen Andrés Marta Pablo Elena Sergio Nuria Diego Rocío Álvaro
    """),
    last_names=_words("""
        García Fernández Ortega Navarro Romero Castillo Iglesias Vidal Serrano Molina
        Herrero Peña
    """),
    templates=(
        "{s} {v} {o} {a}.",
        "{s} {v} {o} {a}, según fuentes municipales.",
        "La decisión llega después de que {s_low} {v} {o} {a}.",
        "Más de {n} personas firmaron una petición {a}.",
        "La cifra subió al {n} % {a}, según los datos oficiales.",
        "{s} {v} {o}, con un coste de unos {n} millones de euros.",
        "{p}, que vive en el barrio desde hace {k} años, lamentó la decisión.",
    ),
    quote="«{q}», afirmó {p}.",
    months=_words("""
        enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
        diciembre
    """),
    dateline="{d} de {m} de {y}, {hh}:{mm}",
    byline="Por {p}",
    listen=("Escuchar este artículo", "Cargando audio..."),
    read_more="Lee también: {h}",
    watch="Vídeo: {h}",
    share=_lines("""
        Compartir este artículo
        Compartir en Facebook
        Copiar enlace
        Enviar por correo
    """),
    subscribe=_lines("""
        Suscríbete a nuestro boletín
        Contenido exclusivo para suscriptores
        Hazte suscriptor para seguir leyendo
    """),
    cookie=_lines("""
        Utilizamos cookies para mejorar tu experiencia.
        Aceptar todas
        Configurar cookies
    """),
    advert=("Publicidad",),
    comments="Comentarios ({n})",
    caption_credit="{c}. Foto: {k}",
    teaser_headings=_lines("""
        Te puede interesar
        Lo más leído
        Más noticias
        Últimas noticias
    """),
    see_more="Ver más {h}",
    footer=_lines("""
        Aviso legal
        Política de privacidad
        Contacto
        Política de cookies
        Quiénes somos
    """),
    copyright="© {y} {site}",
)

RU = Bank(
    lang="ru",
    sites=_lines("""
        Северный вестник
        Городские новости Заречья
        Волжская правда
        Новости Приморья
    """),
    sections=_lines("""
        Новости
        Политика
        Экономика
        В мире
        Общество
        Спорт
        Культура
        Наука
        Здоровье
        Происшествия
        Мнения
        Погода
    """),
    nav_extra=_lines("""
        Поиск
        Войти
        Меню
        Главная
        Подписка
    """),
    subjects=_lines("""
        Городская дума
        Областное правительство
        Представитель министерства
        Оппозиция
        Жители района
        Транспортное управление
        Директор школы
        Министр финансов
        Полиция
        Группа учёных
        Тренер клуба
        Профсоюз медиков
        Мэр города
        Пожарная служба
        Суд
        Руководство больницы
        Экологическое движение
        Правительство
        Гидрометцентр
        Торговая палата
        Администрация района
        Совет родителей
    """),
    verbs=_lines("""
        одобряет
        отклоняет
        объявляет
        критикует
        приветствует
        откладывает
        публикует
        защищает
        ставит под сомнение
        запускает
        рассматривает
        поддерживает
        подтверждает
        представляет
        отменяет
        финансирует
        оспаривает
        продлевает
    """),
    objects=_lines("""
        новый бюджет
        проект второго моста
        запрет на ночную парковку
        строительство дамбы
        реформу школьного питания
        повышение местного налога
        закрытие прибрежной дороги
        испытания электробусов
        доклад об очередях в поликлиниках
        продажу старой библиотеки
        новую велодорожку вдоль реки
        объединение двух пожарных частей
        срочную помощь фермерам
        договор на вывоз мусора
        проверку после отключения света
        продление трамвайной линии
        реконструкцию рынка
        новые правила посуточной аренды
        молодёжный центр
        сокращение автобусных маршрутов
        проект нового стадиона
        расширение аэропорта
        программу посадки десяти тысяч деревьев
        ограничение цен на электроэнергию
    """),
    adjuncts=_lines("""
        в понедельник
        во вторник вечером
        после бурного обсуждения
        после нескольких месяцев задержек
        на общественных слушаниях
        в заявлении в пятницу
        несмотря на возражения
        до летних каникул
        одиннадцатью голосами против четырёх
        во время визита в город
        в письме жителям
        после независимой проверки
        после сильных дождей
        в третий раз за год
        без дополнительных консультаций
        в начале недели
    """),
    first_names=_words("""
        Анна Дмитрий Ольга Сергей Марина Алексей Екатерина Игорь Наталья Павел Юлия Артём
    """),
    last_names=_words("""
        Соколова Морозов Волкова Лебедев Кузнецова Орлов Белова Никитин Егорова Зайцев
        Фролова Громов
    """),
    templates=(
        "{s} {v} {o} {a}.",
        "{s} {v} {o} {a}, сообщает пресс-служба.",
        "Ранее {s_low} {v} {o} {a}.",
        "Петицию {a} подписали более {n} человек.",
        "Показатель вырос до {n}% {a}, следует из официальных данных.",
        "{s} {v} {o}; стоимость оценивается в {n} млн рублей.",
        "{p} живёт в этом районе {k} лет и недоволен решением.",
    ),
    quote="«{q}», — сказал {p}.",
    months=_words("""
        января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    """),
    dateline="{d} {m} {y}, {hh}:{mm}",
    byline="Автор: {p}",
    listen=("Слушать статью", "Загрузка аудио..."),
    read_more="Читайте также: {h}",
    watch="Видео: {h}",
    share=_lines("""
        Поделиться
        Поделиться во ВКонтакте
        Скопировать ссылку
        Отправить в Telegram
    """),
    subscribe=_lines("""
        Подпишитесь на нашу рассылку
        Подписывайтесь на наш канал
        Оформите подписку, чтобы читать дальше
    """),
    cookie=_lines("""
        Мы используем файлы cookie, чтобы сайт работал лучше.
        Принять все
        Настройки cookie
    """),
    advert=("Реклама",),
    comments="Комментарии ({n})",
    caption_credit="{c}. Фото: {k}",
    teaser_headings=_lines("""
        Читайте также
        Самое популярное
        Другие новости
        Последние новости
    """),
    see_more="Ещё {h}",
    footer=_lines("""
        О проекте
        Контакты
        Политика конфиденциальности
        Пользовательское соглашение
        Реклама на сайте
    """),
    copyright="© {y} {site}",
)

PL = Bank(
    lang="pl",
    sites=_lines("""
        Gazeta Nadwiślańska
        Kurier Pomorski
        Dziennik Doliny
        Echo Miasta
    """),
    sections=_lines("""
        Wiadomości
        Kraj
        Świat
        Polityka
        Gospodarka
        Sport
        Piłka nożna
        Kultura
        Zdrowie
        Nauka
        Opinie
        Pogoda
    """),
    nav_extra=_lines("""
        Szukaj
        Zaloguj się
        Menu
        Strona główna
        Prenumerata
    """),
    subjects=_lines("""
        Rada miasta
        Urząd marszałkowski
        Rzecznik ministerstwa
        Opozycja
        Mieszkańcy osiedla
        Zarząd transportu
        Dyrektorka szkoły
        Minister finansów
        Policja
        Zespół naukowców
        Trener klubu
        Związek pielęgniarek
        Prezydent miasta
        Straż pożarna
        Sąd
        Dyrekcja szpitala
        Stowarzyszenie ekologów
        Rząd
        Instytut meteorologii
        Izba handlowa
        Starostwo powiatowe
        Rada rodziców
    """),
    verbs=_lines("""
        zatwierdza
        odrzuca
        ogłasza
        krytykuje
        popiera
        przesuwa
        publikuje
        broni
        kwestionuje
        uruchamia
        analizuje
        przedstawia
        potwierdza
        wstrzymuje
        finansuje
        zaskarża
        przedłuża
        omawia
    """),
    objects=_lines("""
        nowy budżet
        projekt drugiego mostu
        zakaz nocnego parkowania
        budowę wałów przeciwpowodziowych
        reformę stołówek szkolnych
        podwyżkę podatku od nieruchomości
        zamknięcie drogi nadmorskiej
        testy autobusów elektrycznych
        raport o kolejkach do lekarzy
        sprzedaż starej biblioteki
        nową ścieżkę rowerową wzdłuż rzeki
        połączenie dwóch remiz
        pomoc dla małych gospodarstw
        umowę na wywóz śmieci
        kontrolę po awarii prądu
        przedłużenie linii tramwajowej
        remont hali targowej
        nowe zasady najmu krótkoterminowego
        nowe centrum młodzieży
        likwidację kilku linii autobusowych
        projekt nowego stadionu
        rozbudowę lotniska
        program sadzenia dziesięciu tysięcy drzew
        limit cen energii
    """),
    adjuncts=_lines("""
        w poniedziałek
        we wtorek wieczorem
        po burzliwej dyskusji
        po miesiącach opóźnień
        na zebraniu mieszkańców
        w piątkowym komunikacie
        mimo ostrych protestów
        przed wakacjami
        jedenastoma głosami do czterech
        podczas wizyty w mieście
        w liście do mieszkańców
        po niezależnej kontroli
        po ulewnych deszczach
        już trzeci raz w tym roku
        bez dalszych konsultacji
        na początku tygodnia
    """),
    first_names=_words("""
        Agnieszka Piotr Katarzyna Tomasz Magdalena Michał Joanna Paweł Ewa Krzysztof Zofia
        Łukasz
    """),
    last_names=_words("""
        Nowak Kowalczyk Wiśniewska Zieliński Lewandowska Wójcik Kamińska Dąbrowski Szymańska
        Kozłowski Mazur Jabłoński
    """),
    templates=(
        "{s} {v} {o} {a}.",
        "{s} {v} {o} {a}, poinformował urząd.",
        "Wcześniej {s_low} {v} {o} {a}.",
        "Petycję podpisało {a} ponad {n} osób.",
        "Wskaźnik wzrósł {a} do {n} proc., wynika z oficjalnych danych.",
        "{s} {v} {o}, a koszt szacuje się na {n} mln zł.",
        "{p} mieszka na osiedlu od {k} lat i nie kryje rozczarowania.",
    ),
    quote="„{q}” – powiedział {p}.",
    months=_words("""
        stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października
        listopada grudnia
    """),
    dateline="{d} {m} {y}, {hh}:{mm}",
    byline="Autor: {p}",
    listen=("Posłuchaj artykułu", "Ładowanie audio..."),
    read_more="Czytaj także: {h}",
    watch="Wideo: {h}",
    share=_lines("""
        Udostępnij
        Udostępnij na Facebooku
        Kopiuj link
        Wyślij e-mailem
    """),
    subscribe=_lines("""
        Zapisz się do newslettera
        Treść dostępna dla subskrybentów
        Wykup dostęp, aby czytać dalej
    """),
    cookie=_lines("""
        Używamy plików cookie, aby ulepszyć działanie serwisu.
        Akceptuję wszystkie
        Ustawienia cookie
    """),
    advert=("Reklama",),
    comments="Komentarze ({n})",
    caption_credit="{c}. Fot. {k}",
    teaser_headings=_lines("""
        Zobacz także
        Najczęściej czytane
        Więcej wiadomości
        Polecamy
    """),
    see_more="Więcej: {h}",
    footer=_lines("""
        Kontakt
        Regulamin
        Polityka prywatności
        Reklama
        O nas
    """),
    copyright="© {y} {site}",
)

ZH = Bank(
    lang="zh",
    sites=_lines("""
        江南日报
        北城晚报
        海滨新闻网
        西川时报
    """),
    sections=_lines("""
        首页
        新闻
        国内
        国际
        财经
        体育
        文化
        科技
        健康
        社会
        评论
        天气
    """),
    nav_extra=_lines("""
        搜索
        登录
        菜单
        订阅
        客户端
    """),
    subjects=_lines("""
        市政府
        区人大常委会
        交通运输局
        教育局负责人
        当地居民
        财政部门
        警方
        研究团队
        俱乐部主教练
        护士工会
        市长
        消防部门
        法院
        医院管理层
        环保组织
        气象台
        商会
        街道办事处
        家长委员会
        博物馆馆长
    """),
    verbs=_lines("""
        批准了
        否决了
        宣布了
        批评了
        欢迎
        推迟了
        公布了
        维护
        质疑
        启动了
        审议了
        支持
        确认了
        提出了
        暂停了
        资助了
        延长了
        讨论了
    """),
    objects=_lines("""
        新的预算方案
        第二座大桥的建设计划
        夜间停车禁令
        防洪堤工程
        学校食堂改革
        房产税上调方案
        沿海公路封闭措施
        电动公交试点
        关于门诊排队时间的报告
        旧图书馆出售计划
        沿河自行车道
        两座消防站合并方案
        对小型农场的紧急补贴
        垃圾清运合同
        对停电事故的调查
        有轨电车延长线
        农贸市场改造工程
        短租房管理新规
        青少年活动中心项目
        部分公交线路调整
        新体育场设计方案
        机场扩建工程
        植树一万棵的计划
        电价上限政策
    """),
    adjuncts=_lines("""
        周一
        周二晚间
        经过激烈讨论后
        在拖延数月之后
        在居民座谈会上
        在周五发布的声明中
        不顾强烈反对
        在暑假前
        以十一票对四票
        在视察期间
        在致居民的公开信中
        在独立审查之后
        在连日暴雨之后
        今年第三次
        在未进一步征求意见的情况下
        本周初
    """),
    first_names=_words("""
        伟 芳 娜 敏 静 磊 洋 艳 勇 军 杰 婷
    """),
    last_names=_words("""
        王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙
    """),
    templates=(
        "{s}{a}{v}{o}。",
        "据悉，{s}{a}{v}{o}。",
        "此前，{s}{a}{v}{o}。",
        "已有超过{n}名市民{a}在请愿书上签名。",
        "官方数据显示，该比例{a}上升至{n}%。",
        "{s}{v}{o}，预计耗资约{n}亿元。",
        "在当地居住了{k}年的{p}对这一决定表示失望。",
    ),
    quote="“{q}”{p}说。",
    months=tuple(f"{n}月" for n in range(1, 13)),
    dateline="{y}年{m}{d}日 {hh}:{mm}",
    byline="记者 {p}",
    listen=("收听本文", "音频加载中..."),
    read_more="延伸阅读：{h}",
    watch="视频：{h}",
    share=_lines("""
        分享到微信
        分享到微博
        复制链接
        分享
    """),
    subscribe=_lines("""
        订阅我们的新闻简报
        关注我们的公众号
        下载客户端阅读全文
    """),
    cookie=_lines("""
        本网站使用Cookie以改善您的浏览体验。
        全部接受
        Cookie设置
    """),
    advert=("广告",),
    comments="评论（{n}）",
    caption_credit="{c}。（图片来源：{k}）",
    teaser_headings=_lines("""
        相关阅读
        热门新闻
        更多新闻
        推荐阅读
    """),
    see_more="查看更多{h}",
    footer=_lines("""
        关于我们
        联系我们
        隐私政策
        网站地图
        广告服务
    """),
    copyright="© {y} {site} 版权所有",
    spaced=False,
)

BANKS: dict[str, Bank] = {bank.lang: bank for bank in (EN, DE, FR, ES, RU, PL, ZH)}
"""Every bank by language code."""
