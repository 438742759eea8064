"""Demo Impressum, privacy policy, accessibility statement, terms and withdrawal policy of an invented publisher.

Example texts for the demo, to be replaced by the publisher's own, checked by a lawyer.
"""

from datetime import date

from django.apps import apps

LEGAL_NOTICE = {
    "company_name": "Fachverlag Beispiel GmbH",
    "legal_form": "Gesellschaft mit beschränkter Haftung",
    "street": "Musterstraße 12",
    "postal_code": "10115",
    "city": "Berlin",
    "country": "Deutschland",
    "phone": "+49 30 1234567-0",
    "email": "verlag@example.org",
    "represented_by": "Dr. Erika Beispiel, Max Mustermann (Geschäftsführung)",
    "register_court": "Amtsgericht Charlottenburg",
    "register_number": "HRB 123456 B",
    "vat_id": "DE123456789",
    "responsible_name": "Aylin Demir (Chefredaktion)",
    "responsible_address": "c/o Fachverlag Beispiel GmbH\nMusterstraße 12\n10115 Berlin",
    "extra_text": (
        "<h2>Verbraucherstreitbeilegung</h2>"
        "<p>Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer "
        "Verbraucherschlichtungsstelle teilzunehmen (§ 36 VSBG).</p>"
        "<h2>Bildnachweise</h2>"
        "<p>Die Bildnachweise stehen jeweils unter den Bildern.</p>"
    ),
}

PRIVACY_TEXT = """
<h2>1. Verantwortlicher</h2>
<p>Verantwortlich für die Verarbeitung personenbezogener Daten auf dieser Website ist die Fachverlag Beispiel GmbH,
Musterstraße 12, 10115 Berlin, E-Mail: <a href="mailto:datenschutz@example.org">datenschutz@example.org</a>,
Telefon +49 30 1234567-0. Unsere Datenschutzbeauftragte erreichen Sie unter derselben Anschrift mit dem Zusatz
„Datenschutzbeauftragte“ oder unter <a href="mailto:datenschutzbeauftragte@example.org">datenschutzbeauftragte@example.org</a>.</p>
<h2>2. Welche Daten wir verarbeiten</h2>
<ul>
<li><strong>Beim Lesen der Website:</strong> Wenn Sie eine Seite aufrufen, verarbeitet unser Server IP-Adresse,
Zeitpunkt, aufgerufene Adresse und Browserkennung, um die Website sicher auszuliefern und Angriffe abzuwehren
(Art. 6 Abs. 1 lit. f DSGVO). Diese Protokolle löschen wir nach 14 Tagen.</li>
<li><strong>Leserkonto:</strong> E-Mail-Adresse, Name und Passwort (nur als Prüfwert gespeichert), damit Sie sich
anmelden und Ihre Abonnements verwalten können (Art. 6 Abs. 1 lit. b DSGVO).</li>
<li><strong>Abonnement und Bestellung:</strong> Name, Anschrift, gewählter Tarif, Laufzeit, Rechnungen und
Zahlungsart, um den Vertrag zu erfüllen und abzurechnen (Art. 6 Abs. 1 lit. b und c DSGVO).</li>
<li><strong>Kündigung und Widerruf:</strong> Ihre Erklärung mit Zeitpunkt, damit wir sie bestätigen und
nachweisen können (Art. 6 Abs. 1 lit. c DSGVO).</li>
</ul>
<h2>3. Cookies und Sitzung</h2>
<p>Wir setzen nur Cookies, die für den Betrieb technisch nötig sind (§ 25 Abs. 2 Nr. 2 TDDDG): ein Sitzungscookie,
solange Sie angemeldet sind, und ein Sicherheitscookie, das Formulare vor Missbrauch schützt. Wir setzen keine
Cookies zur Reichweitenmessung oder Werbung und binden keine Tracking-Skripte ein. Eingebettete Videos oder
Beiträge anderer Anbieter werden erst geladen, wenn Sie darauf klicken; erst dann erhält der Anbieter Ihre
IP-Adresse.</p>
<h2>4. Zahlung über Stripe</h2>
<p>Zahlungen per Kreditkarte und SEPA-Lastschrift wickelt die Stripe Payments Europe, Ltd. (Irland) für uns ab.
Dafür übermitteln wir Name, E-Mail-Adresse, Betrag und Zahlungsdaten an Stripe (Art. 6 Abs. 1 lit. b DSGVO).
Ihre Kartennummer oder IBAN geben Sie direkt bei Stripe ein; wir speichern sie nicht. Stripe kann Daten auch in
den USA verarbeiten; die Übermittlung stützt sich auf den Angemessenheitsbeschluss der EU-Kommission für das
EU-U.S. Data Privacy Framework. Näheres erläutert die Datenschutzerklärung von Stripe unter
<a href="https://stripe.com/de/privacy">stripe.com/de/privacy</a>. Bei Zahlung auf Rechnung verarbeiten nur wir
Ihre Daten.</p>
<h2>5. Speicherdauer</h2>
<p>Wir löschen Ihre Daten, sobald sie für den Zweck nicht mehr nötig sind. Rechnungen und Buchungsbelege bewahren
wir zehn Jahre auf, wie es das Handels- und Steuerrecht verlangt (§ 257 HGB, § 147 AO).</p>
<h2>6. Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der
Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch gegen Verarbeitungen aufgrund berechtigter
Interessen (Art. 21). Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO),
etwa bei der Aufsichtsbehörde Ihres Wohnorts oder der für unseren Sitz zuständigen Berliner Beauftragten für
Datenschutz und Informationsfreiheit.</p>
<h2>7. Kontakt</h2>
<p>Fragen zum Datenschutz und Anträge schicken Sie bitte an
<a href="mailto:datenschutz@example.org">datenschutz@example.org</a> oder per Post an die oben genannte Anschrift.</p>
"""

ACCESSIBILITY_TEXT = """
<p>Die Fachverlag Beispiel GmbH möchte ihre Website für alle Menschen zugänglich machen. Diese Erklärung gilt für
diese Website mit ihren Artikeln, dem Leserkonto und dem Abschluss von Abonnements, die unter das
Barrierefreiheitsstärkungsgesetz (BFSG) fallen.</p>
<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>Diese Website ist <strong>teilweise barrierefrei</strong>. Sie erfüllt die Anforderungen der Verordnung zum BFSG
(BFSGV), der harmonisierten Norm EN 301 549 und der Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA
noch nicht vollständig; die Ausnahmen stehen unten.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li>Einige Bilder in Artikeln aus der Zeit vor 2024 haben keinen aussagekräftigen Alternativtext. Wir ergänzen
ihn, wenn wir die Artikel überarbeiten.</li>
<li>Eingebettete Videos anderer Anbieter haben nicht immer Untertitel oder eine Audiodeskription.</li>
<li>Manche Tabellen in älteren Artikeln haben keine Kopfzeilen und sind mit Screenreadern schwer zu lesen.</li>
<li>Rechnungen als PDF sind noch nicht vollständig barrierefrei; auf Wunsch schicken wir sie Ihnen als Text.</li>
</ul>
<h2>Erstellung dieser Erklärung</h2>
<p>Die Erklärung beruht auf einer Selbstbewertung mit automatischen Prüfwerkzeugen und Tests mit Tastatur und
Screenreader (NVDA und VoiceOver).</p>
<h2>Durchsetzungsverfahren</h2>
<p>Wenn Sie auf Ihre Rückmeldung über die unten genannten Kontaktwege keine zufriedenstellende Antwort erhalten,
können Sie sich an die zuständige Marktüberwachungsbehörde wenden: die Marktüberwachungsstelle der Länder für die
Barrierefreiheit von Produkten und Dienstleistungen (MLBF) mit Sitz in Magdeburg. Sie prüft, ob Dienstleistungen
die Anforderungen des BFSG erfüllen, und kann Maßnahmen anordnen.</p>
"""

ACCESSIBILITY = {
    "text": ACCESSIBILITY_TEXT,
    "contact_email": "barrierefreiheit@example.org",
    "contact_phone": "+49 30 1234567-77",
    "statement_date": date(2026, 1, 15),
}


TERMS_TEXT = """
<h2>§ 1 Geltungsbereich und Vertragspartner</h2>
<p>Diese Bedingungen gelten für digitale Abonnements, die Sie auf dieser Website bei der Fachverlag Beispiel GmbH,
Musterstraße 12, 10115 Berlin, abschließen.</p>
<h2>§ 2 Leistung</h2>
<p>Mit dem Abonnement lesen Sie alle Artikel dieser Website, auch die für Abonnentinnen und Abonnenten, solange das
Abonnement läuft. Der Zugang gilt für eine Person und ist an Ihr Leserkonto gebunden.</p>
<h2>§ 3 Vertragsschluss</h2>
<p>Die Angebote unter „Abo“ sind eine Einladung zur Bestellung. Mit dem Klick auf „zahlungspflichtig bestellen“
geben Sie ein verbindliches Angebot ab; wir nehmen es an, indem wir den Zugang freischalten und Ihnen die
Vertragsangaben per E-Mail senden.</p>
<h2>§ 4 Preise und Zahlung</h2>
<p>Es gelten die bei der Bestellung angezeigten Preise einschließlich Umsatzsteuer. Sie zahlen für jede Laufzeit im
Voraus: per Rechnung innerhalb von 14 Tagen oder, wo angeboten, per Kreditkarte oder SEPA-Lastschrift über unseren
Zahlungsdienstleister Stripe. Schlägt eine Zahlung fehl, bleibt der Zugang einige Tage bestehen; danach ruht er, bis
gezahlt ist.</p>
<h2>§ 5 Laufzeit und Kündigung</h2>
<p>Das Abonnement läuft einen Monat oder ein Jahr, je nach Angebot, und verlängert sich um dieselbe Laufzeit, wenn Sie
es nicht kündigen. Sie können jederzeit zum Ende der laufenden Laufzeit kündigen, ohne Anmeldung über „Verträge
hier kündigen“ unten auf jeder Seite. Das Recht zur Kündigung aus wichtigem Grund bleibt unberührt.</p>
<h2>§ 6 Widerrufsrecht</h2>
<p>Verbraucherinnen und Verbrauchern steht ein Widerrufsrecht zu; Einzelheiten stehen in der Widerrufsbelehrung.</p>
"""

WITHDRAWAL_POLICY_TEXT = """
<h2>Widerrufsrecht</h2>
<p>Sie können diesen Vertrag binnen 14 Tagen ohne Angabe von Gründen widerrufen. Die Frist beginnt am Tag des
Vertragsschlusses. Sie wahren sie, wenn Sie den Widerruf vor ihrem Ablauf absenden.</p>
<p>Am einfachsten widerrufen Sie mit „Vertrag widerrufen“ unten auf jeder Seite. Sie können uns Ihren Entschluss auch
mit einer eindeutigen Erklärung mitteilen, per E-Mail an abo@example.org oder per Post an die Fachverlag Beispiel GmbH,
Musterstraße 12, 10115 Berlin, zum Beispiel mit dem Formular unten; Sie müssen es nicht verwenden.</p>
<h2>Folgen des Widerrufs</h2>
<p>Wenn Sie widerrufen, erstatten wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, spätestens binnen 14 Tagen
ab dem Tag, an dem Ihr Widerruf bei uns eingegangen ist, auf dem Weg, auf dem Sie gezahlt haben; dafür berechnen wir
nichts. Haben Sie verlangt, dass der Zugang schon während der Widerrufsfrist beginnt, zahlen Sie uns einen Betrag,
der dem Anteil der bis zum Widerruf genutzten Zeit an der bezahlten Laufzeit entspricht; den Rest erstatten wir.</p>
<h2>Muster-Widerrufsformular</h2>
<p>Wenn Sie den Vertrag widerrufen wollen, füllen Sie dieses Formular aus und senden Sie es zurück.</p>
<p>An die Fachverlag Beispiel GmbH, Musterstraße 12, 10115 Berlin, abo@example.org:<br>
Hiermit widerrufe(n) ich/wir den von mir/uns abgeschlossenen Vertrag über folgende Dienstleistung: …<br>
Bestellt am: …<br>
Name: …<br>
Anschrift: …<br>
Datum, Unterschrift (nur bei Mitteilung auf Papier): …</p>
"""

FLAT_PAGES = {"/agb/": TERMS_TEXT, "/widerrufsbelehrung/": WITHDRAWAL_POLICY_TEXT}


def load_legal_pages():
    """Fill the one record of each page (created by the pages migrations); running again adds no second one."""
    # By name: pages stands on the same floor as demo (pyproject.toml [tool.importlinter]).
    for label, fields in (
        ("pages.LegalNotice", LEGAL_NOTICE),
        ("pages.PrivacyPolicy", {"text": PRIVACY_TEXT}),
        ("pages.AccessibilityStatement", ACCESSIBILITY),
    ):
        model = apps.get_model(label)
        page = model.current() or model()
        for name, value in fields.items():
            setattr(page, name, value)
        page.full_clean()
        page.save()
    FlatPage = apps.get_model("flatpages.FlatPage")
    for page in FlatPage.objects.filter(url__in=FLAT_PAGES):
        page.content = " ".join(FLAT_PAGES[page.url].split()).replace("> <", "><")
        page.save()
