"""Demo articles for a local run: German trade news, written for this project.

Each entry: categories (the first is the primary one), authors by slug,
hours since publication (None for a draft; negative for a scheduled one),
and optionally a workflow state with the editor's comment. Pictures: "focal"
is the focal point of the hero photo, "image_from" reuses another article's
picture, "figure" adds a picture to the body and "embeds" YouTube and
Datawrapper embeds, each after the given paragraph.
"""

ARTICLES = [
    {
        "slug": "rechenzentren-fuer-kliniken-ki-workloads-verdoppeln-strombedarf",
        "kicker": "KI-Infrastruktur",
        "title": "Rechenzentren für Kliniken: KI-Workloads verdoppeln den Strombedarf",
        "teaser": "Krankenhäuser lagern Bildauswertung und Spracherkennung zunehmend in spezialisierte "
        "Rechenzentren aus. Betreiber melden einen sprunghaft steigenden Energiebedarf.",
        "paragraphs": [
            "Die Betreiber regionaler Rechenzentren spüren den Trend zur künstlichen Intelligenz im "
            "Gesundheitswesen unmittelbar. Wo früher vor allem Archivsysteme und Abrechnungssoftware liefen, "
            "arbeiten heute Grafikprozessoren an der Auswertung von CT- und MRT-Aufnahmen.",
            "Nach Angaben mehrerer Anbieter hat sich die Leistungsaufnahme pro Serverschrank innerhalb von zwei "
            "Jahren mehr als verdoppelt. Für die Kühlung setzen neue Anlagen deshalb auf Flüssigkeitskühlung "
            "direkt am Chip, die Abwärme soll in Nahwärmenetze fließen.",
            "Kliniken achten bei der Auswahl vor allem auf den Datenschutz: Patientendaten dürfen das Land in "
            "der Regel nicht verlassen, und die Verträge müssen die Anforderungen an die Auftragsverarbeitung "
            "erfüllen. Mehrere Landeskrankenhausgesellschaften arbeiten an Musterverträgen.",
        ],
        "categories": ["kurzmeldungen", "magazin"],
        "tags": ["Künstliche Intelligenz", "Rechenzentren", "Energie"],
        "authors": ["jonas-becker"],
        "hours_ago": 2,
        "color": (31, 95, 191),
        "caption": "Serverschränke mit Flüssigkeitskühlung in einem Rechenzentrum.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "neue-gebuehrenordnung-was-sich-ab-januar-aendert",
        "access": "premium",
        "kicker": "Abrechnung",
        "title": "Neue Gebührenordnung: Was sich ab Januar ändert",
        "teaser": "Die überarbeitete Gebührenordnung bringt neue Ziffern für telemedizinische Leistungen und "
        "strengere Dokumentationspflichten. Ein Überblick über die wichtigsten Punkte.",
        "paragraphs": [
            "Nach jahrelangen Verhandlungen liegt die überarbeitete Gebührenordnung vor. Sie soll zum ersten "
            "Januar in Kraft treten und ersetzt zahlreiche Analogbewertungen durch eigene Leistungsziffern.",
            "Neu ist vor allem die Abrechnung telemedizinischer Leistungen. Videosprechstunden, Telekonsile und "
            "die Befundbesprechung per Video erhalten eigene Ziffern mit festen Zeitvorgaben.",
            "Gleichzeitig steigen die Anforderungen an die Dokumentation. Wer zeitgebundene Leistungen abrechnet, "
            "muss Beginn und Ende künftig im Behandlungsverlauf festhalten. Praxisverwaltungssysteme sollen "
            "entsprechende Felder bis zum Stichtag bereitstellen.",
            "Verbände empfehlen, die Abrechnungsroutinen frühzeitig zu prüfen und Schulungen für das Praxisteam "
            "einzuplanen. Erste Online-Kompaktkurse sind bereits ausgebucht.",
        ],
        "categories": ["magazin"],
        "tags": ["Abrechnung", "Gesetzgebung", "Telemedizin"],
        "authors": ["aylin-demir", "miriam-hartmann"],
        "hours_ago": 5,
        "correction_notes": [
            "In einer früheren Fassung hieß es, die Gebührenordnung umfasse mehr als 8.000 Leistungsziffern. "
            "Richtig ist: Es sind mehr als 5.000.",
        ],
        "color": (22, 110, 72),
        "caption": "Die neue Gebührenordnung umfasst mehr als 5.000 Leistungsziffern.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "bundesrat-billigt-krankenhausreform-mit-auflagen",
        "kicker": "Gesundheitspolitik",
        "title": "Bundesrat billigt Krankenhausreform mit Auflagen",
        "teaser": "Die Länder haben der Reform der Krankenhausfinanzierung zugestimmt, verlangen aber längere "
        "Übergangsfristen für kleine Häuser auf dem Land.",
        "paragraphs": [
            "Der Bundesrat hat die Reform der Krankenhausfinanzierung in seiner Sitzung am Freitag gebilligt. "
            "Die Länder knüpfen ihre Zustimmung an eine Entschließung, die längere Übergangsfristen fordert.",
            "Kern der Reform sind Vorhaltepauschalen, die einen Teil der Fallpauschalen ersetzen. Kliniken sollen "
            "so auch dann finanziert werden, wenn sie Leistungen bereithalten, die selten gebraucht werden.",
            "Kritik kommt von Trägern kleiner Häuser. Sie befürchten, dass die neuen Leistungsgruppen sie aus der "
            "Notfallversorgung drängen.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Krankenhausreform", "Gesetzgebung"],
        "authors": ["miriam-hartmann"],
        "hours_ago": 9,
        "color": (155, 28, 28),
        "image_from": "rechenzentren-fuer-kliniken-ki-workloads-verdoppeln-strombedarf",
        "caption": "Plenarsaal des Bundesrats.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "elektronische-patientenakte-erste-bilanz-nach-einem-jahr",
        "access": "premium",
        "kicker": "Digitalisierung",
        "title": "Elektronische Patientenakte: Erste Bilanz nach einem Jahr",
        "teaser": "Ein Jahr nach dem Start für alle gesetzlich Versicherten ist die elektronische Patientenakte im "
        "Alltag angekommen. Die Nutzung bleibt aber hinter den Erwartungen zurück.",
        "paragraphs": [
            "Zwölf Monate nach dem bundesweiten Start haben die Krankenkassen für fast alle Versicherten eine "
            "elektronische Patientenakte angelegt. Aktiv genutzt wird sie allerdings nur von einem kleinen Teil.",
            "Praxen berichten, dass das Befüllen der Akte inzwischen weitgehend automatisch läuft. Probleme gibt "
            "es vor allem bei älteren Praxisverwaltungssystemen und bei der Anbindung von Laboren.",
            "Die Kassen wollen die Versicherten mit Informationskampagnen stärker einbinden. Gleichzeitig fordern "
            "Datenschützer mehr Transparenz darüber, wer auf welche Dokumente zugreift.",
            "Für das kommende Jahr ist die Anbindung der Pflege und der Rehabilitation geplant. Erst dann, so die "
            "Einschätzung vieler Fachleute, wird die Akte ihren vollen Nutzen entfalten.",
        ],
        "categories": ["magazin"],
        "tags": ["ePA", "Digitalisierung", "Datenschutz"],
        "authors": ["jonas-becker", "miriam-hartmann"],
        "hours_ago": 20,
        "color": (70, 60, 140),
        "caption": "Die ePA-App auf einem Smartphone.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "klinikverbund-uebernimmt-drei-haeuser-in-brandenburg",
        "kicker": "Übernahmen",
        "title": "Klinikverbund übernimmt drei Häuser in Brandenburg",
        "teaser": "Ein privater Klinikverbund übernimmt drei kommunale Krankenhäuser. Die Kartellbehörde hat "
        "keine Einwände erhoben.",
        "paragraphs": [
            "Der Verbund übernimmt die Mehrheit an drei bisher kommunalen Häusern mit zusammen rund 900 Betten. "
            "Über den Kaufpreis haben die Beteiligten Stillschweigen vereinbart.",
            "Die Landkreise begründen den Verkauf mit hohen Defiziten und einem Investitionsstau bei Gebäuden und "
            "Medizintechnik. Der Käufer sagt zu, alle Standorte mindestens fünf Jahre zu erhalten.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Krankenhäuser", "Übernahmen"],
        "authors": ["thomas-krueger"],
        "hours_ago": 26,
        "color": (120, 72, 0),
        "caption": "Eines der drei übernommenen Krankenhäuser.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "cyberangriff-auf-praxissoftware-anbieter-gibt-entwarnung",
        "kicker": "IT-Sicherheit",
        "title": "Cyberangriff auf Praxissoftware: Anbieter gibt Entwarnung",
        "teaser": "Nach einem Angriff auf die Update-Server eines Softwareanbieters waren zahlreiche Praxen "
        "einen Tag lang offline. Patientendaten sind nach bisherigen Erkenntnissen nicht abgeflossen.",
        "paragraphs": [
            "Unbekannte hatten sich Zugang zu den Update-Servern eines Anbieters von Praxisverwaltungssoftware "
            "verschafft. Der Anbieter schaltete die Server vorsorglich ab, wodurch Aktualisierungen ausblieben.",
            "Nach Angaben des Unternehmens wurden keine manipulierten Updates verteilt. Externe Forensiker prüfen "
            "die Systeme weiterhin.",
            "Das Bundesamt für Sicherheit in der Informationstechnik rät Praxen, die Integrität von Updates zu "
            "prüfen und Sicherungskopien getrennt vom Netzwerk aufzubewahren.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["IT-Sicherheit", "Praxissoftware"],
        "authors": ["jonas-becker"],
        "hours_ago": 30,
        # Two corrections the reporter proposed after publication; they merge and wait for an editor.
        "corrections": [
            {"title": "Cyberangriff auf Praxissoftware: Hersteller gibt Entwarnung"},
            {"teaser": "Nach einem Angriff auf die Update-Server eines Softwareherstellers waren rund 1.200 Praxen "
             "einen Tag lang offline. Patientendaten sind nach bisherigen Erkenntnissen nicht abgeflossen."},
        ],
        "color": (40, 40, 40),
        "caption": "Symbolbild: Netzwerkkabel in einem Serverraum.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "fachkraeftemangel-in-der-pflege-wie-kliniken-gegensteuern",
        "access": "premium",
        "kicker": "Personal",
        "title": "Fachkräftemangel in der Pflege: Wie Kliniken gegensteuern",
        "teaser": "Flexible Dienstpläne, eigene Kitas und Sprachkurse für ausländische Pflegekräfte: Kliniken "
        "probieren vieles aus, um Personal zu gewinnen und zu halten. Was wirkt?",
        "paragraphs": [
            "Auf vielen Stationen fehlen Pflegekräfte. Betten bleiben gesperrt, Operationen werden verschoben. "
            "Kliniken versuchen deshalb, mit neuen Angeboten Personal zu gewinnen.",
            "Besonders gefragt sind verlässliche Dienstpläne. Häuser, die Schichten mehrere Monate im Voraus "
            "festlegen und kurzfristiges Einspringen honorieren, berichten von sinkender Fluktuation.",
            "Auch die Anwerbung im Ausland nimmt zu. Entscheidend für den Erfolg sei die Begleitung nach der "
            "Ankunft, sagen Personalverantwortliche: Sprachkurse, Hilfe bei der Wohnungssuche und feste "
            "Ansprechpartner im Team.",
            "Fachleute warnen jedoch davor, allein auf Zuwanderung zu setzen. Ohne bessere Arbeitsbedingungen "
            "verlasse ein großer Teil der Pflegekräfte den Beruf nach wenigen Jahren.",
        ],
        "categories": ["magazin"],
        "tags": ["Pflege", "Personal", "Krankenhäuser"],
        "authors": ["miriam-hartmann"],
        "hours_ago": 48,
        "color": (0, 110, 120),
        "caption": "Übergabe im Schichtwechsel auf einer Intensivstation.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "bgh-urteil-zur-aufklaerungspflicht-bei-igel-leistungen",
        "kicker": "Rechtsprechung",
        "title": "BGH-Urteil zur Aufklärungspflicht bei IGeL-Leistungen",
        "teaser": "Ärztinnen und Ärzte müssen vor Selbstzahlerleistungen schriftlich über die Kosten informieren. "
        "Ein mündlicher Hinweis reicht nicht, hat der Bundesgerichtshof entschieden.",
        "paragraphs": [
            "Der Bundesgerichtshof hat die Anforderungen an die wirtschaftliche Aufklärung präzisiert. Vor einer "
            "individuellen Gesundheitsleistung müssen Patientinnen und Patienten die voraussichtlichen Kosten "
            "schriftlich erhalten.",
            "Im entschiedenen Fall hatte eine Praxis nur mündlich auf die Kosten einer Zusatzuntersuchung "
            "hingewiesen. Die Patientin verweigerte später die Zahlung und bekam Recht.",
            "Praxen sollten ihre Formulare prüfen und die Kostenschätzung vor Beginn der Behandlung "
            "unterschreiben lassen, raten Fachanwälte.",
        ],
        "categories": ["kurzmeldungen", "magazin"],
        "tags": ["Rechtsprechung", "Abrechnung"],
        "authors": ["aylin-demir"],
        "hours_ago": 55,
        "color": (90, 30, 90),
        "caption": "Der Bundesgerichtshof in Karlsruhe.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "medizintechnik-messe-robotik-im-op-wird-alltag",
        "kicker": "Medizintechnik",
        "title": "Medizintechnik-Messe: Robotik im OP wird Alltag",
        "teaser": "Auf der größten Branchenmesse des Jahres zeigen Hersteller kleinere und günstigere "
        "OP-Roboter. Damit werden sie auch für mittelgroße Kliniken interessant.",
        "paragraphs": [
            "Lange galten OP-Roboter als Prestigeobjekte großer Universitätskliniken. Auf der Messe zeigen "
            "Hersteller nun modulare Systeme, die sich mehrere Fachabteilungen teilen können.",
            "Die Anschaffungskosten sinken damit deutlich. Gleichzeitig bieten Hersteller Leasingmodelle an, bei "
            "denen pro Eingriff abgerechnet wird.",
            "Chirurginnen und Chirurgen betonen, dass die Ausbildung mit der Technik Schritt halten müsse. "
            "Simulationszentren sollen dabei helfen.",
        ],
        "categories": ["magazin"],
        "tags": ["Medizintechnik", "Robotik"],
        "authors": ["thomas-krueger", "jonas-becker"],
        "hours_ago": 72,
        "color": (30, 80, 60),
        "focal": (0.3, 0.45),
        "figure": {
            "after": 1,
            "label": "OP-Roboter",
            "alt": "Ein Operationsroboter mit vier Armen steht neben einem OP-Tisch.",
            "caption": "Vier Arme, ein Chirurg an der Konsole: Robotersysteme auf der Messe.",
            "credit": "Lena Vogt / Newsroom",
            "focal": (0.62, 0.4),
            "color": (60, 120, 110),
        },
        "caption": "Ein modularer OP-Roboter am Messestand.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "apothekenreform-verbaende-kuendigen-protest-an",
        "kicker": "Apotheken",
        "title": "Apothekenreform: Verbände kündigen Protest an",
        "teaser": "Die geplante Apothekenreform stößt auf Widerstand. Die Verbände kritisieren vor allem die "
        "Pläne für Filialen ohne anwesende Apothekerin oder anwesenden Apotheker.",
        "paragraphs": [
            "Die Apothekerverbände haben für den kommenden Monat einen bundesweiten Protesttag angekündigt. "
            "Zahlreiche Apotheken sollen an diesem Tag nur einen Notdienst anbieten.",
            "Das Ministerium verteidigt die Pläne. Sie sollen die Versorgung auf dem Land sichern, wo immer "
            "mehr Apotheken schließen.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Apotheken", "Gesetzgebung"],
        "authors": ["miriam-hartmann"],
        "hours_ago": 80,
        "color": (0, 100, 60),
        "caption": "Eine Landapotheke in Niedersachsen.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "rechenzentrum-im-keller-warum-kliniken-auf-hybride-clouds-setzen",
        "access": "premium",
        "kicker": "KI-Infrastruktur",
        "title": "Rechenzentrum im Keller: Warum Kliniken auf hybride Clouds setzen",
        "teaser": "Viele Krankenhäuser betreiben weiterhin eigene Server und nutzen zugleich Cloud-Dienste. "
        "Die Mischung hat gute Gründe, bringt aber neue Aufgaben für die IT-Abteilungen.",
        "paragraphs": [
            "Die IT-Leiterinnen und IT-Leiter großer Kliniken stehen vor einem Spagat: Die Bildgebung erzeugt "
            "riesige Datenmengen, die schnell verfügbar sein müssen, gleichzeitig wächst der Bedarf an "
            "Rechenleistung für KI-Anwendungen.",
            "Hybride Modelle verbinden beides. Sensible Daten und zeitkritische Systeme bleiben im eigenen "
            "Rechenzentrum, rechenintensive Auswertungen laufen bei zertifizierten Anbietern.",
            "Die Krankenhausreform und das Förderprogramm für die Digitalisierung haben viele Projekte "
            "angestoßen. Nun geht es darum, den Betrieb dauerhaft zu finanzieren.",
            "Fachleute empfehlen, früh Exit-Strategien festzulegen: Wer seine Daten nicht mehr aus der Cloud "
            "zurückholen kann, macht sich von einem Anbieter abhängig.",
        ],
        "categories": ["magazin"],
        "tags": ["Rechenzentren", "Cloud", "Künstliche Intelligenz"],
        "authors": ["jonas-becker"],
        "hours_ago": 100,
        "color": (20, 60, 120),
        "caption": "Der Serverraum einer Universitätsklinik.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "krankenkassen-zusatzbeitrag-steigt-im-schnitt-auf-2-9-prozent",
        "kicker": "Finanzen",
        "title": "Krankenkassen: Zusatzbeitrag steigt im Schnitt auf 2,9 Prozent",
        "teaser": "Der Schätzerkreis erwartet höhere Ausgaben als bisher angenommen. Für Versicherte und "
        "Arbeitgeber wird es erneut teurer.",
        "paragraphs": [
            "Der durchschnittliche Zusatzbeitrag der gesetzlichen Krankenversicherung steigt im kommenden Jahr. "
            "Das hat der Schätzerkreis nach seiner Herbstsitzung mitgeteilt.",
            "Als Gründe nennen die Kassen steigende Ausgaben für Krankenhausbehandlungen und Arzneimittel. "
            "Einzelne Kassen dürften deutlich über dem Durchschnitt liegen.",
            "Versicherte haben bei einer Erhöhung ein Sonderkündigungsrecht.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Krankenkassen", "Finanzen"],
        "authors": ["thomas-krueger"],
        "hours_ago": 130,
        "color": (140, 90, 20),
        "embeds": {
            "after": 1,
            "items": [
                ("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Erklärvideo: So setzt sich der Zusatzbeitrag zusammen"),
                ("datawrapper", "https://datawrapper.dwcdn.net/aB3cD/1/", "Zusatzbeiträge der Krankenkassen seit 2015"),
            ],
        },
        "caption": "Versichertenkarten verschiedener Krankenkassen.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "interview-digitalisierung-braucht-einen-langen-atem",
        "access": "registered",
        "kicker": "Interview",
        "title": "„Digitalisierung braucht einen langen Atem“",
        "teaser": "Eine Klinik-CIO über gescheiterte Projekte, gute Lieferanten und die Frage, warum Software "
        "im Krankenhaus so oft an den Abläufen vorbei entwickelt wird.",
        "paragraphs": [
            "Frage: Frau Schulte, Sie verantworten die IT von sechs Kliniken. Was war Ihr größter Fehler? "
            "Antwort: Wir haben zu lange geglaubt, dass sich Abläufe der Software anpassen. Es muss umgekehrt sein.",
            "Frage: Was heißt das konkret? Antwort: Bevor wir ein System einführen, verbringen unsere Leute "
            "Zeit auf den Stationen. Erst wenn wir verstanden haben, wie dort gearbeitet wird, schreiben wir "
            "die Anforderungen.",
            "Frage: Und die Lieferanten? Antwort: Die guten kommen mit. Die anderen verlieren Ausschreibungen.",
        ],
        "categories": ["magazin"],
        "tags": ["Digitalisierung", "Krankenhäuser"],
        "authors": ["jonas-becker", "thomas-krueger"],
        "hours_ago": 160,
        "color": (60, 60, 110),
        "caption": "Die Interviewpartnerin in ihrem Büro.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "datenschutzbehoerde-prueft-terminbuchungsportale",
        "kicker": "Datenschutz",
        "title": "Datenschutzbehörde prüft Terminbuchungsportale",
        "teaser": "Die Aufsichtsbehörden mehrerer Länder nehmen Portale für die Online-Terminbuchung unter die "
        "Lupe. Im Fokus stehen Tracking und die Weitergabe von Daten.",
        "paragraphs": [
            "Die Datenschutzaufsicht hat Fragebögen an mehrere Anbieter von Terminbuchungsportalen verschickt. "
            "Sie will wissen, welche Daten beim Buchen anfallen und an wen sie weitergegeben werden.",
            "Anlass sind Beschwerden von Patientinnen und Patienten, die nach einer Buchung Werbung für "
            "passende Gesundheitsangebote erhalten hatten.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Datenschutz", "Digitalisierung"],
        "authors": ["aylin-demir"],
        "hours_ago": 190,
        "color": (100, 40, 40),
        "caption": "Online-Terminbuchung am Laptop.",
        "credit": "Newsroom/Grafik",
    },
    {
        # An advertisement (§ 22 MStV): labelled "Anzeige", its links rel="sponsored", not in the Google News sitemap.
        "slug": "praxissoftware-in-der-cloud-fuenf-fragen-vor-dem-umstieg",
        "is_sponsored": True,
        "sponsor": "Beispiel Software AG",
        "kicker": "Praxissoftware",
        "title": "Praxissoftware in der Cloud: Fünf Fragen vor dem Umstieg",
        "teaser": "Immer mehr Praxen verlagern ihre Verwaltungssoftware ins Rechenzentrum. Worauf es bei "
        "Datenschutz, Ausfallsicherheit und Kosten ankommt.",
        "paragraphs": [
            "Updates ohne Technikerbesuch, Zugriff von jedem Arbeitsplatz und Datensicherung im Rechenzentrum: "
            "Cloud-Lösungen versprechen Praxen weniger Aufwand mit der eigenen IT.",
            "Vor dem Wechsel lohnt ein Blick auf den Vertrag zur Auftragsverarbeitung, den Standort der Server "
            "und die Frage, wie die Praxis bei einer Störung der Internetverbindung weiterarbeitet.",
            "Eine Checkliste für den Umstieg bietet die Beispiel Software AG unter "
            '<a href="https://example.org/praxis-cloud-checkliste">example.org/praxis-cloud-checkliste</a> an.',
        ],
        "categories": ["magazin"],
        "tags": ["Praxissoftware", "Digitalisierung"],
        "authors": ["verlagsservice"],
        "hours_ago": 12,
        "color": (70, 90, 110),
        "caption": "Eine Praxismitarbeiterin am Empfang mit Terminkalender auf dem Bildschirm.",
        "credit": "Beispiel Software AG",
    },
    {
        "slug": "entwurf-leitfaden-ki-in-der-befundung",
        "kicker": "KI-Infrastruktur",
        "title": "Leitfaden für KI in der Befundung (Entwurf)",
        "teaser": "Dieser Beitrag ist noch in Arbeit und für Leserinnen und Leser nicht sichtbar.",
        "paragraphs": ["Entwurf: Gliederung und erste Notizen zu den Anforderungen an KI-gestützte Befundung."],
        "categories": ["magazin"],
        "tags": ["Künstliche Intelligenz"],
        "authors": ["jonas-becker"],
        "hours_ago": None,
        "color": (90, 90, 90),
        "caption": "",
        "credit": "",
    },
    {
        "slug": "telematikinfrastruktur-neue-konnektoren-ab-fruehjahr",
        "kicker": "Digitalisierung",
        "title": "Telematikinfrastruktur: Neue Konnektoren ab Frühjahr",
        "teaser": "Praxen müssen ihre Konnektoren austauschen. Wer zahlt, und wie läuft der Wechsel ab?",
        "paragraphs": [
            "Die Zertifikate vieler Konnektoren laufen im kommenden Jahr aus. Praxen müssen deshalb auf neue "
            "Geräte oder auf den Zugang über ein zentrales Rechenzentrum umsteigen.",
            "Die Kosten werden über eine Pauschale erstattet. Anbieter werben mit Komplettpaketen.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Digitalisierung", "Praxissoftware"],
        "authors": ["jonas-becker"],
        "hours_ago": None,
        "state": "review",
        "color": (31, 95, 191),
        "caption": "Ein Konnektor im Serverschrank einer Praxis.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "ki-assistenz-in-der-notaufnahme-erste-erfahrungen",
        "kicker": "KI-Infrastruktur",
        "title": "KI-Assistenz in der Notaufnahme: Erste Erfahrungen",
        "teaser": "Drei Kliniken testen Software, die bei der Ersteinschätzung hilft.",
        "paragraphs": [
            "In drei Notaufnahmen schlägt eine Software bei der Ersteinschätzung eine Dringlichkeitsstufe vor. "
            "Die Entscheidung bleibt beim Pflegepersonal.",
        ],
        "categories": ["magazin"],
        "tags": ["Künstliche Intelligenz", "Krankenhäuser"],
        "authors": ["jonas-becker"],
        "hours_ago": None,
        "state": "returned",
        "comment": "Bitte die Namen der drei Kliniken nennen und eine Stimme aus der Pflege ergänzen.",
        "color": (155, 28, 28),
        "caption": "Ein Behandlungsraum in einer Notaufnahme.",
        "credit": "Newsroom/Grafik",
    },
    {
        "slug": "pflegebudget-kassen-und-kliniken-einigen-sich",
        "kicker": "Finanzen",
        "title": "Pflegebudget: Kassen und Kliniken einigen sich",
        "teaser": "Nach monatelangem Streit gibt es eine Einigung über die Pflegebudgets des laufenden Jahres.",
        "paragraphs": [
            "Die Spitzenverbände haben sich auf Regeln für die Verhandlung der Pflegebudgets verständigt. "
            "Strittige Fälle sollen künftig schneller entschieden werden.",
            "Kliniken erhoffen sich vor allem schnellere Zahlungen.",
        ],
        "categories": ["kurzmeldungen"],
        "tags": ["Pflege", "Finanzen"],
        "authors": ["miriam-hartmann"],
        "hours_ago": -18,
        "state": "scheduled",
        "color": (0, 110, 120),
        "caption": "Verhandlungsrunde der Verbände.",
        "credit": "Newsroom/Grafik",
    },
]
