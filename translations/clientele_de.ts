<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Channels</name>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Kundenservice</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Treueprogramm</translation>
    </message>
</context>
<context>
    <name>ChurnRisk</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>Subscribed</source>
        <translation>Abonniert</translation>
    </message>
    <message>
        <source>Not subscribed</source>
        <translation>Nicht abonniert</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Never asked</source>
        <translation>Nie gefragt</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Timestamp *</source>
        <translation>Zeitpunkt *</translation>
    </message>
    <message>
        <source>Event type *</source>
        <translation>Ereignistyp *</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Identity: email</source>
        <translation>Kennung: E-Mail</translation>
    </message>
    <message>
        <source>Identity: phone</source>
        <translation>Kennung: Telefon</translation>
    </message>
    <message>
        <source>Identity: customer id</source>
        <translation>Kennung: Kundennummer</translation>
    </message>
    <message>
        <source>Identity: anonymous id</source>
        <translation>Kennung: anonyme ID</translation>
    </message>
    <message>
        <source>Identity: loyalty card</source>
        <translation>Kennung: Kundenkarte</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Product SKU</source>
        <translation>Artikelnummer (SKU)</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>Produktname</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Cart id</source>
        <translation>Warenkorb-ID</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Consent: email marketing</source>
        <translation>Einwilligung: E-Mail-Marketing</translation>
    </message>
    <message>
        <source>Consent: SMS marketing</source>
        <translation>Einwilligung: SMS-Marketing</translation>
    </message>
    <message>
        <source>Consent: push notifications</source>
        <translation>Einwilligung: Push-Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>JourneyKinds</name>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>Wait until</source>
        <translation>Warten bis</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Update profile</source>
        <translation>Profil ändern</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ausstieg</translation>
    </message>
    <message>
        <source>Where shoppers start: the event that lets them in</source>
        <translation>Hier beginnen Kunden: das Ereignis, mit dem sie einsteigen</translation>
    </message>
    <message>
        <source>Waits a fixed time</source>
        <translation>Wartet eine feste Zeit</translation>
    </message>
    <message>
        <source>Waits for an event, at most a number of hours</source>
        <translation>Wartet auf ein Ereignis, höchstens einige Stunden</translation>
    </message>
    <message>
        <source>Sends shoppers one way or the other by a segment</source>
        <translation>Schickt Kunden je nach Segment den einen oder anderen Weg</translation>
    </message>
    <message>
        <source>Splits shoppers at random, with an optional holdout</source>
        <translation>Teilt Kunden zufällig auf, auf Wunsch mit Kontrollgruppe</translation>
    </message>
    <message>
        <source>Sends an e-mail, push, SMS, banner or ad audience</source>
        <translation>Sendet eine E-Mail, Push-Nachricht, SMS, ein Banner oder eine Werbezielgruppe</translation>
    </message>
    <message>
        <source>Sets a tag on the shopper&apos;s profile</source>
        <translation>Setzt ein Tag im Profil des Kunden</translation>
    </message>
    <message>
        <source>Where shoppers leave the journey</source>
        <translation>Hier verlassen Kunden die Journey</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>Banner</translation>
    </message>
    <message>
        <source>Ad audience</source>
        <translation>Werbezielgruppe</translation>
    </message>
    <message>
        <source>On joining: %1</source>
        <translation>Beim Eintritt: %1</translation>
    </message>
    <message>
        <source>a segment</source>
        <translation>ein Segment</translation>
    </message>
    <message>
        <source>No trigger yet</source>
        <translation>Noch kein Auslöser</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Wenn: %1</translation>
    </message>
    <message>
        <source>%1:00</source>
        <translation>%1:00 Uhr</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <source>Until %1 on %2</source>
        <translation>Bis %1 am %2</translation>
    </message>
    <message>
        <source>Wait %1</source>
        <translation>%1 warten</translation>
    </message>
    <message>
        <source>%1, at most %2</source>
        <translation>%1, höchstens %2</translation>
    </message>
    <message>
        <source>By rules: %1</source>
        <translation>Nach Regeln: %1</translation>
    </message>
    <message>
        <source>No segment yet</source>
        <translation>Noch kein Segment</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>Aufteilung %1</translation>
    </message>
    <message>
        <source>%1 (holdout)</source>
        <translation>%1 (Kontrollgruppe)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>Leaves the journey</source>
        <translation>Verlässt die Journey</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeit abgelaufen</translation>
    </message>
    <message>
        <source>else</source>
        <translation>sonst</translation>
    </message>
    <message>
        <source>%1, then within %2: %3</source>
        <translation>%1, danach innerhalb von %2: %3</translation>
    </message>
</context>
<context>
    <name>JourneyNodeItem</name>
    <message>
        <source>%1 arrived</source>
        <translation>%1 angekommen</translation>
    </message>
    <message>
        <source>%1 · %2 left at goal</source>
        <translation>%1 · %2 am Ziel ausgestiegen</translation>
    </message>
    <message>
        <source>%1 sent · %2 skipped</source>
        <translation>%1 gesendet · %2 übersprungen</translation>
    </message>
    <message>
        <source>%1 held out</source>
        <translation>%1 in der Kontrollgruppe</translation>
    </message>
    <message>
        <source>%1 exited</source>
        <translation>%1 ausgestiegen</translation>
    </message>
    <message>
        <source>%1 still waiting</source>
        <translation>%1 warten noch</translation>
    </message>
    <message>
        <source>Input: drop a connection here</source>
        <translation>Eingang: hier eine Verbindung ablegen</translation>
    </message>
    <message>
        <source>Exit &quot;%1&quot;: drag to the input of the next step</source>
        <translation>Ausgang „%1“: zum Eingang des nächsten Schritts ziehen</translation>
    </message>
</context>
<context>
    <name>Loyalty</name>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silber</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platin</translation>
    </message>
</context>
<context>
    <name>Predictions</name>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>chance still active below %1</source>
        <translation>noch aktiv mit einer Wahrscheinlichkeit unter %1</translation>
    </message>
    <message>
        <source>chance still active from %1 to below %2</source>
        <translation>noch aktiv mit einer Wahrscheinlichkeit von %1 bis unter %2</translation>
    </message>
    <message>
        <source>chance still active %1 or more</source>
        <translation>noch aktiv mit einer Wahrscheinlichkeit von %1 oder mehr</translation>
    </message>
    <message>
        <source>Likely to order again around %1; %2 chance still active; predicted value next 12 months %3</source>
        <translation>Bestellt voraussichtlich wieder um den %1; mit %2 Wahrscheinlichkeit noch aktiv; vorhergesagter Wert in den nächsten 12 Monaten %3</translation>
    </message>
    <message>
        <source>No further order expected soon; %1 chance still active; predicted value next 12 months %2</source>
        <translation>Vorerst keine weitere Bestellung erwartet; mit %1 Wahrscheinlichkeit noch aktiv; vorhergesagter Wert in den nächsten 12 Monaten %2</translation>
    </message>
    <message>
        <source>Probably due to rebuy %1 around %2</source>
        <translation>Kauft %1 voraussichtlich um den %2 nach</translation>
    </message>
    <message>
        <source>From orders on %L1 days between %2 and %3; model fitted on %4</source>
        <translation>Aus Bestellungen an %L1 Tagen zwischen dem %2 und dem %3; Modell berechnet am %4</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 Bestellung</translation>
    </message>
    <message>
        <source>%L1 orders</source>
        <translation>%L1 Bestellungen</translation>
    </message>
    <message>
        <source>From %1 on %2; model fitted on %3</source>
        <translation>Aus %1 am %2; Modell berechnet am %3</translation>
    </message>
    <message>
        <source>From %1 on %L2 days between %3 and %4; model fitted on %5</source>
        <translation>Aus %1 an %L2 Tagen zwischen dem %3 und dem %4; Modell berechnet am %5</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>RfmGroups</name>
    <message>
        <source>Champions</source>
        <translation>Champions</translation>
    </message>
    <message>
        <source>Loyal Customers</source>
        <translation>Stammkunden</translation>
    </message>
    <message>
        <source>Potential Loyalists</source>
        <translation>Potenzielle Stammkunden</translation>
    </message>
    <message>
        <source>New Customers</source>
        <translation>Neukunden</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Vielversprechend</translation>
    </message>
    <message>
        <source>Need Attention</source>
        <translation>Brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <source>About to Sleep</source>
        <translation>Drohen einzuschlafen</translation>
    </message>
    <message>
        <source>At Risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Can&apos;t Lose Them</source>
        <translation>Unbedingt halten</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Im Winterschlaf</translation>
    </message>
</context>
<context>
    <name>SegmentFields</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Known shopper (has an identifier)</source>
        <translation>Bekannter Kunde (hat eine Kennung)</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Profil angelegt</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Channels used</source>
        <translation>Genutzte Kanäle</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>Durchschnittlicher Bestellwert</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>Erste Bestellung</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Letzte Bestellung</translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation>Stornierte Bestellungen</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Refunded value</source>
        <translation>Erstatteter Betrag</translation>
    </message>
    <message>
        <source>Favourite category</source>
        <translation>Lieblingskategorie</translation>
    </message>
    <message>
        <source>Favourite brand</source>
        <translation>Lieblingsmarke</translation>
    </message>
    <message>
        <source>Cart value</source>
        <translation>Warenkorbwert</translation>
    </message>
    <message>
        <source>Items in cart</source>
        <translation>Artikel im Warenkorb</translation>
    </message>
    <message>
        <source>Cart open since</source>
        <translation>Warenkorb offen seit</translation>
    </message>
    <message>
        <source>Abandoned carts</source>
        <translation>Abgebrochene Warenkörbe</translation>
    </message>
    <message>
        <source>E-mails received (30 days)</source>
        <translation>Erhaltene E-Mails (30 Tage)</translation>
    </message>
    <message>
        <source>E-mails opened (30 days)</source>
        <translation>Geöffnete E-Mails (30 Tage)</translation>
    </message>
    <message>
        <source>E-mails clicked (30 days)</source>
        <translation>Geklickte E-Mails (30 Tage)</translation>
    </message>
    <message>
        <source>E-mails received (90 days)</source>
        <translation>Erhaltene E-Mails (90 Tage)</translation>
    </message>
    <message>
        <source>E-mails opened (90 days)</source>
        <translation>Geöffnete E-Mails (90 Tage)</translation>
    </message>
    <message>
        <source>E-mails clicked (90 days)</source>
        <translation>Geklickte E-Mails (90 Tage)</translation>
    </message>
    <message>
        <source>Last e-mail opened</source>
        <translation>Letzte E-Mail geöffnet</translation>
    </message>
    <message>
        <source>Last viewed products (SKU)</source>
        <translation>Zuletzt angesehene Produkte (SKU)</translation>
    </message>
    <message>
        <source>Loyalty member</source>
        <translation>Mitglied im Treueprogramm</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>Treuestufe</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Treuepunkte</translation>
    </message>
    <message>
        <source>Open support tickets</source>
        <translation>Offene Kundenservice-Anfragen</translation>
    </message>
    <message>
        <source>Reviews written</source>
        <translation>Verfasste Bewertungen</translation>
    </message>
    <message>
        <source>Average rating given</source>
        <translation>Durchschnittlich vergebene Bewertung</translation>
    </message>
    <message>
        <source>RFM group</source>
        <translation>RFM-Gruppe</translation>
    </message>
    <message>
        <source>RFM recency score</source>
        <translation>RFM-Wert Aktualität</translation>
    </message>
    <message>
        <source>RFM frequency score</source>
        <translation>RFM-Wert Häufigkeit</translation>
    </message>
    <message>
        <source>RFM monetary score</source>
        <translation>RFM-Wert Umsatz</translation>
    </message>
    <message>
        <source>E-mail consent</source>
        <translation>E-Mail-Einwilligung</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>SMS-Einwilligung</translation>
    </message>
    <message>
        <source>Push consent</source>
        <translation>Push-Einwilligung</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Product id</source>
        <translation>Produkt-ID</translation>
    </message>
    <message>
        <source>Product SKU</source>
        <translation>Artikelnummer (SKU)</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>Produktkategorie</translation>
    </message>
    <message>
        <source>Product brand</source>
        <translation>Produktmarke</translation>
    </message>
    <message>
        <source>Value (price or order total)</source>
        <translation>Wert (Preis oder Bestellsumme)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Cart id</source>
        <translation>Warenkorb-ID</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Event property</source>
        <translation>Ereigniseigenschaft</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Predicted value (12 months)</source>
        <translation>Vorhergesagter Wert (12 Monate)</translation>
    </message>
    <message>
        <source>Chance still active</source>
        <translation>Wahrscheinlichkeit noch aktiv</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>Abwanderungsrisiko</translation>
    </message>
    <message>
        <source>Expected orders (30 days)</source>
        <translation>Erwartete Bestellungen (30 Tage)</translation>
    </message>
    <message>
        <source>Expected orders (90 days)</source>
        <translation>Erwartete Bestellungen (90 Tage)</translation>
    </message>
    <message>
        <source>Expected orders (365 days)</source>
        <translation>Erwartete Bestellungen (365 Tage)</translation>
    </message>
    <message>
        <source>Next order expected</source>
        <translation>Nächste Bestellung erwartet</translation>
    </message>
    <message>
        <source>Replenishment due</source>
        <translation>Nachkauf fällig</translation>
    </message>
    <message>
        <source>Replenishment product or category</source>
        <translation>Nachkauf-Produkt oder -Kategorie</translation>
    </message>
</context>
<context>
    <name>SegmentText</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>Viewed a product</source>
        <translation>Produkt angesehen</translation>
    </message>
    <message>
        <source>viewed a product</source>
        <translation>ein Produkt angesehen haben</translation>
    </message>
    <message>
        <source>did not view a product</source>
        <translation>kein Produkt angesehen haben</translation>
    </message>
    <message>
        <source>Added to cart</source>
        <translation>In den Warenkorb gelegt</translation>
    </message>
    <message>
        <source>added to cart</source>
        <translation>etwas in den Warenkorb gelegt haben</translation>
    </message>
    <message>
        <source>did not add to cart</source>
        <translation>nichts in den Warenkorb gelegt haben</translation>
    </message>
    <message>
        <source>Removed from cart</source>
        <translation>Aus dem Warenkorb entfernt</translation>
    </message>
    <message>
        <source>removed from cart</source>
        <translation>etwas aus dem Warenkorb entfernt haben</translation>
    </message>
    <message>
        <source>did not remove from cart</source>
        <translation>nichts aus dem Warenkorb entfernt haben</translation>
    </message>
    <message>
        <source>Viewed the cart</source>
        <translation>Warenkorb angesehen</translation>
    </message>
    <message>
        <source>viewed the cart</source>
        <translation>den Warenkorb angesehen haben</translation>
    </message>
    <message>
        <source>did not view the cart</source>
        <translation>den Warenkorb nicht angesehen haben</translation>
    </message>
    <message>
        <source>Started checkout</source>
        <translation>Bestellvorgang begonnen</translation>
    </message>
    <message>
        <source>started checkout</source>
        <translation>den Bestellvorgang begonnen haben</translation>
    </message>
    <message>
        <source>did not start checkout</source>
        <translation>den Bestellvorgang nicht begonnen haben</translation>
    </message>
    <message>
        <source>Completed an order</source>
        <translation>Bestellung abgeschlossen</translation>
    </message>
    <message>
        <source>completed an order</source>
        <translation>eine Bestellung abgeschlossen haben</translation>
    </message>
    <message>
        <source>did not complete an order</source>
        <translation>keine Bestellung abgeschlossen haben</translation>
    </message>
    <message>
        <source>Got a refund</source>
        <translation>Erstattung erhalten</translation>
    </message>
    <message>
        <source>got a refund</source>
        <translation>eine Erstattung erhalten haben</translation>
    </message>
    <message>
        <source>did not get a refund</source>
        <translation>keine Erstattung erhalten haben</translation>
    </message>
    <message>
        <source>Viewed a page</source>
        <translation>Seite aufgerufen</translation>
    </message>
    <message>
        <source>viewed a page</source>
        <translation>eine Seite aufgerufen haben</translation>
    </message>
    <message>
        <source>did not view a page</source>
        <translation>keine Seite aufgerufen haben</translation>
    </message>
    <message>
        <source>Opened an e-mail</source>
        <translation>E-Mail geöffnet</translation>
    </message>
    <message>
        <source>opened an e-mail</source>
        <translation>eine E-Mail geöffnet haben</translation>
    </message>
    <message>
        <source>did not open an e-mail</source>
        <translation>keine E-Mail geöffnet haben</translation>
    </message>
    <message>
        <source>Clicked a link in an e-mail</source>
        <translation>Link in E-Mail geklickt</translation>
    </message>
    <message>
        <source>clicked a link in an e-mail</source>
        <translation>einen Link in einer E-Mail geklickt haben</translation>
    </message>
    <message>
        <source>did not click a link in an e-mail</source>
        <translation>keinen Link in einer E-Mail geklickt haben</translation>
    </message>
    <message>
        <source>in the last %1 days</source>
        <translation>in den letzten %1 Tagen</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>zwischen %1 und %2</translation>
    </message>
    <message>
        <source>is known</source>
        <translation>ist bekannt</translation>
    </message>
    <message>
        <source>is not known</source>
        <translation>ist nicht bekannt</translation>
    </message>
    <message>
        <source>is between %1 and %2</source>
        <translation>liegt zwischen %1 und %2</translation>
    </message>
    <message>
        <source>is in the last %1 days</source>
        <translation>liegt in den letzten %1 Tagen</translation>
    </message>
    <message>
        <source>is more than %1 days ago</source>
        <translation>liegt mehr als %1 Tage zurück</translation>
    </message>
    <message>
        <source>is in the next %1 days</source>
        <translation>liegt in den nächsten %1 Tagen</translation>
    </message>
    <message>
        <source>is one of %1</source>
        <translation>ist einer von %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>where %1</source>
        <translation>(wobei %1)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Interaktion</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>ist kleiner als</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>ist höchstens</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>ist größer als</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>ist mindestens</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>liegt zwischen</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>enthält nicht</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>endet auf</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist einer von</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>ist vor</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>ist nach</translation>
    </message>
    <message>
        <source>is in the last</source>
        <translation>liegt in den letzten</translation>
    </message>
    <message>
        <source>is more than … days ago</source>
        <translation>liegt mehr als … Tage zurück</translation>
    </message>
    <message>
        <source>is in the next</source>
        <translation>liegt in den nächsten</translation>
    </message>
    <message>
        <source>did %1</source>
        <translation>das Ereignis „%1“ ausgelöst haben</translation>
    </message>
    <message>
        <source>did not do %1</source>
        <translation>das Ereignis „%1“ nicht ausgelöst haben</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>die Menge</translation>
    </message>
    <message>
        <source>spent on the matching products</source>
        <translation>der Betrag für die passenden Produkte</translation>
    </message>
    <message>
        <source>value</source>
        <translation>der Wert</translation>
    </message>
    <message>
        <source>with a total %1 that %2</source>
        <translation>(wobei %1 insgesamt %2)</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>are loyalty members</source>
        <translation>Mitglieder im Treueprogramm sind</translation>
    </message>
    <message>
        <source>are not loyalty members</source>
        <translation>keine Mitglieder im Treueprogramm sind</translation>
    </message>
    <message>
        <source>are known (have an identifier)</source>
        <translation>bekannt sind (eine Kennung haben)</translation>
    </message>
    <message>
        <source>are anonymous</source>
        <translation>anonym sind</translation>
    </message>
    <message>
        <source>%1 is yes</source>
        <translation>%1 ist ja</translation>
    </message>
    <message>
        <source>%1 is no</source>
        <translation>%1 ist nein</translation>
    </message>
    <message>
        <source>%1 at least %2 times</source>
        <translation>%1, mindestens %2-mal</translation>
    </message>
    <message>
        <source>%1 at most %2 times</source>
        <translation>%1, höchstens %2-mal</translation>
    </message>
    <message>
        <source>%1 exactly %2 times</source>
        <translation>%1, genau %2-mal</translation>
    </message>
    <message>
        <source>%1 and then %2 within %3 hours</source>
        <translation>%1 und danach innerhalb von %3 Stunden %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>are in the RFM group %1</source>
        <translation>in der RFM-Gruppe %1 sind</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>may be contacted by %1</source>
        <translation>per %1 kontaktiert werden dürfen</translation>
    </message>
    <message>
        <source>are in the segment “%1”</source>
        <translation>im Segment „%1“ sind</translation>
    </message>
    <message>
        <source>are not in the segment “%1”</source>
        <translation>nicht im Segment „%1“ sind</translation>
    </message>
    <message>
        <source>whose %1</source>
        <translation>deren %1</translation>
    </message>
    <message>
        <source>who %1</source>
        <translation>die %1</translation>
    </message>
    <message>
        <source>(no conditions yet)</source>
        <translation>(noch keine Bedingungen)</translation>
    </message>
    <message>
        <source>except those %1</source>
        <translation>außer denen, %1</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>Shoppers %1</source>
        <translation>Kunden, %1</translation>
    </message>
    <message>
        <source>Shoppers whose %1</source>
        <translation>Kunden, deren %1</translation>
    </message>
    <message>
        <source>Shoppers who %1</source>
        <translation>Kunden, die %1</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
</context>
<context>
    <name>StoreErrors</name>
    <message>
        <source>%1 is not a Clientele workspace. Choose a workspace file (*.clientele).</source>
        <translation>%1 ist kein Clientele-Arbeitsbereich. Wählen Sie eine Arbeitsbereichsdatei (*.clientele).</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened safely. Restore it from a backup.

Details: %2</source>
        <translation>%1 ist beschädigt und kann nicht sicher geöffnet werden. Stellen Sie die Datei aus einer Sicherung wieder her.

Details: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Clientele. Update Clientele to open it.</source>
        <translation>%1 wurde von einer neueren Version von Clientele geschrieben. Aktualisieren Sie Clientele, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is in use by another program, for example an import into it that is still running. Try again once it has finished.</source>
        <translation>%1 wird gerade von einem anderen Programm verwendet, etwa von einem Import, der noch läuft. Versuchen Sie es erneut, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>%1 cannot be opened.

Details: %2</source>
        <translation>%1 kann nicht geöffnet werden.

Details: %2</translation>
    </message>
    <message>
        <source>Something went wrong with %1.

Details: %2</source>
        <translation>Bei %1 ist ein Fehler aufgetreten.

Details: %2</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Product viewed</source>
        <translation>Produkt angesehen</translation>
    </message>
    <message>
        <source>Added to cart</source>
        <translation>In den Warenkorb gelegt</translation>
    </message>
    <message>
        <source>Removed from cart</source>
        <translation>Aus dem Warenkorb entfernt</translation>
    </message>
    <message>
        <source>Cart viewed</source>
        <translation>Warenkorb angesehen</translation>
    </message>
    <message>
        <source>Checkout started</source>
        <translation>Bestellvorgang begonnen</translation>
    </message>
    <message>
        <source>Order completed</source>
        <translation>Bestellung abgeschlossen</translation>
    </message>
    <message>
        <source>Order shipped</source>
        <translation>Bestellung versandt</translation>
    </message>
    <message>
        <source>Order delivered</source>
        <translation>Bestellung zugestellt</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Bestellung storniert</translation>
    </message>
    <message>
        <source>Order refunded</source>
        <translation>Bestellung erstattet</translation>
    </message>
    <message>
        <source>Email received</source>
        <translation>E-Mail erhalten</translation>
    </message>
    <message>
        <source>Email opened</source>
        <translation>E-Mail geöffnet</translation>
    </message>
    <message>
        <source>Email clicked</source>
        <translation>Link in E-Mail geklickt</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Von E-Mails abgemeldet</translation>
    </message>
    <message>
        <source>Email held out</source>
        <translation>Von E-Mail ausgenommen</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Page viewed</source>
        <translation>Seite aufgerufen</translation>
    </message>
    <message>
        <source>App opened</source>
        <translation>App geöffnet</translation>
    </message>
    <message>
        <source>Joined loyalty</source>
        <translation>Treueprogramm beigetreten</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Punkte gesammelt</translation>
    </message>
    <message>
        <source>Reward redeemed</source>
        <translation>Prämie eingelöst</translation>
    </message>
    <message>
        <source>Ticket opened</source>
        <translation>Anfrage gestellt</translation>
    </message>
    <message>
        <source>Ticket resolved</source>
        <translation>Anfrage gelöst</translation>
    </message>
    <message>
        <source>Product reviewed</source>
        <translation>Produkt bewertet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <source>a product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Viewed %1</source>
        <translation>%1 angesehen</translation>
    </message>
    <message>
        <source>Added %1 × %2 to cart</source>
        <translation>%1 × %2 in den Warenkorb gelegt</translation>
    </message>
    <message>
        <source>Added %1 to cart</source>
        <translation>%1 in den Warenkorb gelegt</translation>
    </message>
    <message>
        <source>Removed %1 from cart</source>
        <translation>%1 aus dem Warenkorb entfernt</translation>
    </message>
    <message>
        <source>Looked at the cart</source>
        <translation>Warenkorb angesehen</translation>
    </message>
    <message>
        <source>Started checkout</source>
        <translation>Bestellvorgang begonnen</translation>
    </message>
    <message>
        <source>Order %1 completed</source>
        <translation>Bestellung %1 abgeschlossen</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Order %1 shipped</source>
        <translation>Bestellung %1 versandt</translation>
    </message>
    <message>
        <source>Order %1 delivered</source>
        <translation>Bestellung %1 zugestellt</translation>
    </message>
    <message>
        <source>Order %1 cancelled</source>
        <translation>Bestellung %1 storniert</translation>
    </message>
    <message>
        <source>Refund for order %1</source>
        <translation>Erstattung für Bestellung %1</translation>
    </message>
    <message>
        <source>Received an email</source>
        <translation>E-Mail erhalten</translation>
    </message>
    <message>
        <source>Received email &apos;%1&apos;</source>
        <translation>E-Mail „%1“ erhalten</translation>
    </message>
    <message>
        <source>Opened an email</source>
        <translation>E-Mail geöffnet</translation>
    </message>
    <message>
        <source>Opened email &apos;%1&apos;</source>
        <translation>E-Mail „%1“ geöffnet</translation>
    </message>
    <message>
        <source>Clicked a link in an email</source>
        <translation>Link in einer E-Mail geklickt</translation>
    </message>
    <message>
        <source>Clicked a link in email &apos;%1&apos;</source>
        <translation>Link in E-Mail „%1“ geklickt</translation>
    </message>
    <message>
        <source>Held out of email &apos;%1&apos; (control group)</source>
        <translation>Von E-Mail „%1“ ausgenommen (Kontrollgruppe)</translation>
    </message>
    <message>
        <source>Unsubscribed from email</source>
        <translation>Von E-Mails abgemeldet</translation>
    </message>
    <message>
        <source>Created an account</source>
        <translation>Kundenkonto angelegt</translation>
    </message>
    <message>
        <source>Viewed a page</source>
        <translation>Seite aufgerufen</translation>
    </message>
    <message>
        <source>Viewed page %1</source>
        <translation>Seite %1 aufgerufen</translation>
    </message>
    <message>
        <source>Opened the app</source>
        <translation>App geöffnet</translation>
    </message>
    <message>
        <source>Joined the loyalty programme</source>
        <translation>Dem Treueprogramm beigetreten</translation>
    </message>
    <message>
        <source>Joined the loyalty programme in %1</source>
        <translation>In %1 dem Treueprogramm beigetreten</translation>
    </message>
    <message>
        <source>Earned loyalty points</source>
        <translation>Treuepunkte gesammelt</translation>
    </message>
    <message>
        <source>Earned %1 loyalty points</source>
        <translation>%1 Treuepunkte gesammelt</translation>
    </message>
    <message>
        <source>Redeemed a reward</source>
        <translation>Prämie eingelöst</translation>
    </message>
    <message>
        <source>Redeemed %1</source>
        <translation>%1 eingelöst</translation>
    </message>
    <message>
        <source>Opened a support ticket</source>
        <translation>Kundenservice-Anfrage gestellt</translation>
    </message>
    <message>
        <source>Opened a support ticket: %1</source>
        <translation>Kundenservice-Anfrage gestellt: %1</translation>
    </message>
    <message>
        <source>Support ticket resolved</source>
        <translation>Kundenservice-Anfrage gelöst</translation>
    </message>
    <message>
        <source>Reviewed %1</source>
        <translation>%1 bewertet</translation>
    </message>
    <message>
        <source>%1: %2 of 5 stars</source>
        <translation>%1: %2 von 5 Sternen</translation>
    </message>
    <message>
        <source>%1 — “%2”</source>
        <translation>%1 – „%2“</translation>
    </message>
</context>
<context>
    <name>clientele::CommandLine</name>
    <message>
        <source>Writes a demo store workspace: a running and outdoor shop with a year of shopper history.</source>
        <translation>Schreibt einen Demo-Shop als Arbeitsbereich: ein Lauf- und Outdoor-Geschäft mit einem Jahr Kundenhistorie.</translation>
    </message>
    <message>
        <source>The workspace file to write (must not exist).</source>
        <translation>Die zu schreibende Arbeitsbereichsdatei (darf noch nicht existieren).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Number of shoppers (default 20000).</source>
        <translation>Anzahl der Kunden (Standard 20000).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Random seed; the same seed and end date give the same workspace (default 42).</source>
        <translation>Startwert des Zufallsgenerators; gleicher Startwert und gleiches Enddatum ergeben denselben Arbeitsbereich (Standard 42).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>The day after the last day of history (default: today).</source>
        <translation>Der Tag nach dem letzten Tag der Historie (Standard: heute).</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Missing --out FILE: where to write the demo workspace.</source>
        <translation>--out DATEI fehlt: wohin der Demo-Arbeitsbereich geschrieben werden soll.</translation>
    </message>
    <message>
        <source>--shoppers must be a whole number from 1 to 10000000, not &apos;%1&apos;.</source>
        <translation>--shoppers muss eine ganze Zahl von 1 bis 10000000 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--seed must be a non-negative whole number, not &apos;%1&apos;.</source>
        <translation>--seed muss eine nicht negative ganze Zahl sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--end must be a date like 2026-11-25, not &apos;%1&apos;.</source>
        <translation>--end muss ein Datum wie 2026-11-25 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 shoppers (%3 known), %4 products, %5 events, %6 orders in %7 s.</source>
        <translation>%1 geschrieben: %2 Kunden (%3 bekannt), %4 Produkte, %5 Ereignisse, %6 Bestellungen in %7 s.</translation>
    </message>
    <message>
        <source>Could not write the demo workspace: %1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Imports an events file into a workspace. Every row is imported, counted as a duplicate, or rejected with its line number and reason.</source>
        <translation>Importiert eine Ereignisdatei in einen Arbeitsbereich. Jede Zeile wird importiert, als Duplikat gezählt oder mit Zeilennummer und Grund abgelehnt.</translation>
    </message>
    <message>
        <source>The workspace file (created when it does not exist).</source>
        <translation>Die Arbeitsbereichsdatei (wird angelegt, wenn sie nicht existiert).</translation>
    </message>
    <message>
        <source>MAPPING.json</source>
        <translation>ZUORDNUNG.json</translation>
    </message>
    <message>
        <source>Time zone of timestamps that have no offset, e.g. Europe/Berlin.</source>
        <translation>Zeitzone für Zeitangaben ohne Versatz, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <source>TZ</source>
        <translation>TZ</translation>
    </message>
    <message>
        <source>Country of phone numbers written without a country code, e.g. DE.</source>
        <translation>Land für Telefonnummern ohne Ländervorwahl, z. B. DE.</translation>
    </message>
    <message>
        <source>CC</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Text encoding of the file: utf-8 (default) or windows-1252.</source>
        <translation>Zeichenkodierung der Datei: utf-8 (Standard) oder windows-1252.</translation>
    </message>
    <message>
        <source>ENCODING</source>
        <translation>KODIERUNG</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Print the summary as one JSON object on stdout.</source>
        <translation>Die Zusammenfassung als ein JSON-Objekt auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>The file to import.</source>
        <translation>Die zu importierende Datei.</translation>
    </message>
    <message>
        <source>Usage: clientele import --workspace FILE INPUT [--mapping MAPPING.json]</source>
        <translation>Aufruf: clientele import --workspace DATEI EINGABE [--mapping ZUORDNUNG.json]</translation>
    </message>
    <message>
        <source>--encoding must be utf-8 or windows-1252, not &apos;%1&apos;.</source>
        <translation>--encoding muss utf-8 oder windows-1252 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Cannot read the mapping %1: %2</source>
        <translation>Die Zuordnung %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The mapping %1 cannot be used: %2</source>
        <translation>Die Zuordnung %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Read %1 rows: %2 imported, %3 duplicates, %4 rejected. %5 new shoppers, %6 merges.</source>
        <translation>%1 Zeilen gelesen: %2 importiert, %3 Duplikate, %4 abgelehnt. %5 neue Kunden, %6 Zusammenführungen.</translation>
    </message>
    <message>
        <source>The import was cancelled; the workspace is unchanged.</source>
        <translation>Der Import wurde abgebrochen; der Arbeitsbereich ist unverändert.</translation>
    </message>
    <message>
        <source>The import failed; the workspace is unchanged: %1</source>
        <translation>Der Import ist fehlgeschlagen; der Arbeitsbereich ist unverändert: %1</translation>
    </message>
    <message>
        <source>How the file&apos;s columns become events (a JSON file; see docs/import-mapping.md).</source>
        <translation>Wie die Spalten der Datei zu Ereignissen werden (eine JSON-Datei; siehe docs/import-mapping.md).</translation>
    </message>
    <message>
        <source>A known export format (online-retail, shopify-orders, shopify-customers, catalog for a product catalog, segment for Segment JSON Lines), or auto (default) to recognise it from the header or from JSON Lines content; a file that is not a known format needs --mapping.</source>
        <translation>Ein bekanntes Exportformat (online-retail, shopify-orders, shopify-customers, catalog für einen Produktkatalog, segment für Segment-JSON-Lines) oder auto (Standard), um es an der Kopfzeile oder am JSON-Lines-Inhalt zu erkennen; eine Datei in keinem bekannten Format braucht --mapping.</translation>
    </message>
    <message>
        <source>The workspace file.</source>
        <translation>Die Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>Country of phone numbers written without a country code (default DE).</source>
        <translation>Land für Telefonnummern ohne Ländervorwahl (Standard DE).</translation>
    </message>
    <message>
        <source>No shopper has %1 &apos;%2&apos; in this workspace.</source>
        <translation>Kein Kunde in diesem Arbeitsbereich hat %1 „%2“.</translation>
    </message>
    <message>
        <source>Usage: clientele profile show|search|export|erase|rebuild-traits --workspace FILE … (see clientele --help)</source>
        <translation>Aufruf: clientele profile show|search|export|erase|rebuild-traits --workspace DATEI … (siehe clientele --help)</translation>
    </message>
    <message>
        <source>Traits:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <source>  not computed yet</source>
        <translation>  noch nicht berechnet</translation>
    </message>
    <message>
        <source>  orders %1, revenue %2, average order %3, first order %4, last order %5</source>
        <translation>  Bestellungen %1, Umsatz %2, durchschnittliche Bestellung %3, erste Bestellung %4, letzte Bestellung %5</translation>
    </message>
    <message>
        <source>  RFM %1 (R%2 F%3 M%4), refunds %5</source>
        <translation>  RFM %1 (R%2 F%3 M%4), Erstattungen %5</translation>
    </message>
    <message>
        <source>  open cart %1 (%2 items, since %3), abandoned carts %4</source>
        <translation>  offener Warenkorb %1 (%2 Artikel, seit %3), abgebrochene Warenkörbe %4</translation>
    </message>
    <message>
        <source>  emails in the last 30 days: %1 received, %2 opened, %3 clicked; last open %4</source>
        <translation>  E-Mails der letzten 30 Tage: %1 erhalten, %2 geöffnet, %3 geklickt; zuletzt geöffnet %4</translation>
    </message>
    <message>
        <source>  favourite category %1, brand %2; channels %3; first seen %4, last seen %5</source>
        <translation>  Lieblingskategorie %1, Marke %2; Kanäle %3; zuerst gesehen %4, zuletzt gesehen %5</translation>
    </message>
    <message>
        <source>  loyalty %1 (%2 points), open tickets %3</source>
        <translation>  Treueprogramm %1 (%2 Punkte), offene Anfragen %3</translation>
    </message>
    <message>
        <source>Shows a shopper: attributes, identifiers, consents and the merges that formed the profile.</source>
        <translation>Zeigt einen Kunden: Attribute, Kennungen, Einwilligungen und die Zusammenführungen, aus denen das Profil entstand.</translation>
    </message>
    <message>
        <source>Print the profile as one JSON object on stdout.</source>
        <translation>Das Profil als ein JSON-Objekt auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>The shopper, e.g. email:ana@example.com, phone:+4915112345678, customer_id:17850 or profile:42.</source>
        <translation>Der Kunde, z. B. email:ana@example.com, phone:+4915112345678, customer_id:17850 oder profile:42.</translation>
    </message>
    <message>
        <source>Usage: clientele profile show --workspace FILE KIND:VALUE [--json]</source>
        <translation>Aufruf: clientele profile show --workspace DATEI ART:WERT [--json]</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>  created %1; country %2, city %3, time zone %4</source>
        <translation>  angelegt %1; Land %2, Ort %3, Zeitzone %4</translation>
    </message>
    <message>
        <source>Identities:</source>
        <translation>Kennungen:</translation>
    </message>
    <message>
        <source>(from %1, first seen %2)</source>
        <translation>(aus %1, zuerst gesehen %2)</translation>
    </message>
    <message>
        <source>Consents:</source>
        <translation>Einwilligungen:</translation>
    </message>
    <message>
        <source>  none recorded</source>
        <translation>  keine erfasst</translation>
    </message>
    <message>
        <source>(from %1, %2)</source>
        <translation>(aus %1, %2)</translation>
    </message>
    <message>
        <source>Merges:</source>
        <translation>Zusammenführungen:</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  keine</translation>
    </message>
    <message>
        <source> via %1 &apos;%2&apos;</source>
        <translation> über %1 „%2“</translation>
    </message>
    <message>
        <source>split profile %1 out of %2</source>
        <translation>Profil %1 aus %2 herausgelöst</translation>
    </message>
    <message>
        <source>merged profile %1 into %2</source>
        <translation>Profil %1 mit %2 zusammengeführt</translation>
    </message>
    <message>
        <source> (undone %1)</source>
        <translation> (rückgängig gemacht %1)</translation>
    </message>
    <message>
        <source>Refused links:</source>
        <translation>Abgelehnte Verknüpfungen:</translation>
    </message>
    <message>
        <source>Could not read the profile: %1</source>
        <translation>Das Profil konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Finds shoppers whose e-mail, phone, customer id, other identifier or name starts with TEXT (case does not matter; phones in any spelling).</source>
        <translation>Findet Kunden, deren E-Mail, Telefonnummer, Kundennummer, andere Kennung oder Name mit TEXT beginnt (Groß-/Kleinschreibung egal; Telefonnummern in jeder Schreibweise).</translation>
    </message>
    <message>
        <source>Most shoppers to list (default 20).</source>
        <translation>Höchstzahl aufgelisteter Kunden (Standard 20).</translation>
    </message>
    <message>
        <source>Print the results as one JSON array on stdout.</source>
        <translation>Die Ergebnisse als ein JSON-Array auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>The beginning of what to find.</source>
        <translation>Der Anfang des Gesuchten.</translation>
    </message>
    <message>
        <source>Usage: clientele profile search --workspace FILE TEXT [--limit N] [--json]</source>
        <translation>Aufruf: clientele profile search --workspace DATEI TEXT [--limit N] [--json]</translation>
    </message>
    <message>
        <source>--limit must be a whole number from 1 to 1000, not &apos;%1&apos;.</source>
        <translation>--limit muss eine ganze Zahl von 1 bis 1000 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>No shopper found.</source>
        <translation>Kein Kunde gefunden.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Erases a shopper for good (right to be forgotten): events, identifiers, consents, traits, merge history and rejected import lines that quote them. Keeps a record of the erasure without personal data.</source>
        <translation>Löscht einen Kunden endgültig (Recht auf Vergessenwerden): Ereignisse, Kennungen, Einwilligungen, Merkmale, Zusammenführungsverlauf und abgelehnte Importzeilen, die ihn nennen. Behält einen Nachweis der Löschung ohne personenbezogene Daten.</translation>
    </message>
    <message>
        <source>Confirm: erasing cannot be undone.</source>
        <translation>Bestätigen: Das Löschen kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Why, e.g. a ticket reference, kept in the erasure record (no personal data).</source>
        <translation>Grund, z. B. eine Vorgangsnummer, wird im Löschnachweis gespeichert (keine personenbezogenen Daten).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>The shopper to erase.</source>
        <translation>Der zu löschende Kunde.</translation>
    </message>
    <message>
        <source>Usage: clientele profile erase --workspace FILE KIND:VALUE --yes [--reason TEXT]</source>
        <translation>Aufruf: clientele profile erase --workspace DATEI ART:WERT --yes [--reason TEXT]</translation>
    </message>
    <message>
        <source>Erasing a shopper cannot be undone; add --yes to confirm.</source>
        <translation>Das Löschen eines Kunden kann nicht rückgängig gemacht werden; bestätigen Sie mit --yes.</translation>
    </message>
    <message>
        <source>Erased profile %1: %2 events, %3 identifiers, %4 consents, %5 merge records, %6 refusals, %7 rejected import lines, %8 other rows (erasure #%9).</source>
        <translation>Profil %1 gelöscht: %2 Ereignisse, %3 Kennungen, %4 Einwilligungen, %5 Zusammenführungseinträge, %6 Ablehnungen, %7 abgelehnte Importzeilen, %8 weitere Zeilen (Löschung Nr. %9).</translation>
    </message>
    <message>
        <source>The erasure failed; the workspace is unchanged: %1</source>
        <translation>Die Löschung ist fehlgeschlagen; der Arbeitsbereich ist unverändert: %1</translation>
    </message>
    <message>
        <source>Writes everything held about a shopper to one JSON file (right of access).</source>
        <translation>Schreibt alles, was über einen Kunden gespeichert ist, in eine JSON-Datei (Auskunftsrecht).</translation>
    </message>
    <message>
        <source>The JSON file to write.</source>
        <translation>Die zu schreibende JSON-Datei.</translation>
    </message>
    <message>
        <source>FILE.json</source>
        <translation>DATEI.json</translation>
    </message>
    <message>
        <source>The shopper.</source>
        <translation>Der Kunde.</translation>
    </message>
    <message>
        <source>Usage: clientele profile export --workspace FILE KIND:VALUE --out FILE.json</source>
        <translation>Aufruf: clientele profile export --workspace DATEI ART:WERT --out DATEI.json</translation>
    </message>
    <message>
        <source>Wrote %1 (profile %2).</source>
        <translation>%1 geschrieben (Profil %2).</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Recomputes every shopper&apos;s traits, the RFM score boundaries and the reference time of the 30/90-day windows (imports refresh only the shoppers they touch).</source>
        <translation>Berechnet die Merkmale aller Kunden, die RFM-Grenzen und den Bezugszeitpunkt der 30/90-Tage-Fenster neu (Importe aktualisieren nur die Kunden, die sie betreffen).</translation>
    </message>
    <message>
        <source>Usage: clientele profile rebuild-traits --workspace FILE</source>
        <translation>Aufruf: clientele profile rebuild-traits --workspace DATEI</translation>
    </message>
    <message>
        <source>Recomputed the traits of %1 shoppers in %2 s.</source>
        <translation>Merkmale von %1 Kunden in %2 s neu berechnet.</translation>
    </message>
    <message>
        <source>Recomputing the traits failed; the workspace is unchanged: %1</source>
        <translation>Die Neuberechnung der Merkmale ist fehlgeschlagen; der Arbeitsbereich ist unverändert: %1</translation>
    </message>
    <message>
        <source>A saved segment&apos;s name.</source>
        <translation>Der Name eines gespeicherten Segments.</translation>
    </message>
    <message>
        <source>A segment definition (JSON, see docs/segment-format.md).</source>
        <translation>Eine Segmentdefinition (JSON, siehe docs/segment-format.md).</translation>
    </message>
    <message>
        <source>RULE.json</source>
        <translation>REGEL.json</translation>
    </message>
    <message>
        <source>Evaluate as of the end of this day (UTC), using only events up to it.</source>
        <translation>Zum Ende dieses Tages (UTC) auswerten, nur mit Ereignissen bis dahin.</translation>
    </message>
    <message>
        <source>The segment is not valid:</source>
        <translation>Das Segment ist ungültig:</translation>
    </message>
    <message>
        <source>Cannot read the segment %1: %2</source>
        <translation>Das Segment %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Every shopper.</source>
        <translation>Alle Kunden.</translation>
    </message>
    <message>
        <source>The shoppers of a saved segment (clientele segment list).</source>
        <translation>Die Kunden eines gespeicherten Segments (clientele segment list).</translation>
    </message>
    <message>
        <source>The shoppers whose profile ids the file lists, one per line.</source>
        <translation>Die Kunden, deren Profil-IDs die Datei auflistet, eine pro Zeile.</translation>
    </message>
    <message>
        <source>IDS.txt</source>
        <translation>IDS.txt</translation>
    </message>
    <message>
        <source>There is no saved segment &apos;%1&apos; in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es kein gespeichertes Segment „%1“.</translation>
    </message>
    <message>
        <source>not a profile in this workspace</source>
        <translation>kein Profil in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>no valid phone number</source>
        <translation>keine gültige Telefonnummer</translation>
    </message>
    <message>
        <source>no e-mail address or phone number</source>
        <translation>keine E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>never gave consent</source>
        <translation>nie eingewilligt</translation>
    </message>
    <message>
        <source>declined consent</source>
        <translation>Einwilligung abgelehnt</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>Counts the shoppers of a segment, saved or in a file.</source>
        <translation>Zählt die Kunden eines Segments, gespeichert oder aus einer Datei.</translation>
    </message>
    <message>
        <source>Print {&quot;count&quot;: N, &quot;ms&quot;: T} on stdout.</source>
        <translation>{&quot;count&quot;: N, &quot;ms&quot;: T} auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Usage: clientele segment count --workspace FILE (--name NAME | --file RULE.json) [--as-of YYYY-MM-DD] [--json]</source>
        <translation>Aufruf: clientele segment count --workspace DATEI (--name NAME | --file REGEL.json) [--as-of JJJJ-MM-TT] [--json]</translation>
    </message>
    <message>
        <source>%1 shoppers match (%2 ms).</source>
        <translation>%1 Kunden erfüllen die Bedingungen (%2 ms).</translation>
    </message>
    <message>
        <source>The count failed: %1</source>
        <translation>Das Zählen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Lists the saved segments, one name per line.</source>
        <translation>Listet die gespeicherten Segmente auf, ein Name pro Zeile.</translation>
    </message>
    <message>
        <source>Usage: clientele segment list --workspace FILE</source>
        <translation>Aufruf: clientele segment list --workspace DATEI</translation>
    </message>
    <message>
        <source>Could not list the segments: %1</source>
        <translation>Die Segmente konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Saves a segment definition under a name (replacing the definition of a segment of that name).</source>
        <translation>Speichert eine Segmentdefinition unter einem Namen (und ersetzt die Definition eines gleichnamigen Segments).</translation>
    </message>
    <message>
        <source>What the segment is for.</source>
        <translation>Wofür das Segment gedacht ist.</translation>
    </message>
    <message>
        <source>Usage: clientele segment save --workspace FILE --name NAME --file RULE.json [--description TEXT]</source>
        <translation>Aufruf: clientele segment save --workspace DATEI --name NAME --file REGEL.json [--description TEXT]</translation>
    </message>
    <message>
        <source>Saved segment &apos;%1&apos; (#%2).</source>
        <translation>Segment „%1“ gespeichert (Nr. %2).</translation>
    </message>
    <message>
        <source>Could not save the segment: %1</source>
        <translation>Das Segment konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Shows, condition by condition, why a shopper is in a segment or not, with the values compared.</source>
        <translation>Zeigt Bedingung für Bedingung, warum ein Kunde in einem Segment ist oder nicht, mit den verglichenen Werten.</translation>
    </message>
    <message>
        <source>The shopper, e.g. email:ana@example.com or profile:42.</source>
        <translation>Der Kunde, z. B. email:ana@example.com oder profile:42.</translation>
    </message>
    <message>
        <source>Usage: clientele segment explain --workspace FILE (--name NAME | --file RULE.json) KIND:VALUE [--as-of YYYY-MM-DD]</source>
        <translation>Aufruf: clientele segment explain --workspace DATEI (--name NAME | --file REGEL.json) ART:WERT [--as-of JJJJ-MM-TT]</translation>
    </message>
    <message>
        <source>Profile %1 is in the segment (as of %2).</source>
        <translation>Profil %1 ist im Segment (Stand %2).</translation>
    </message>
    <message>
        <source>Profile %1 is not in the segment (as of %2).</source>
        <translation>Profil %1 ist nicht im Segment (Stand %2).</translation>
    </message>
    <message>
        <source>The explanation failed: %1</source>
        <translation>Die Erklärung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Writes a campaign file for email tools or ad platforms, with FILE.manifest.json beside it. Shoppers without consent for the channel are always left out; the summary says how many and why.</source>
        <translation>Schreibt eine Kampagnendatei für E-Mail-Tools oder Werbeplattformen, daneben DATEI.manifest.json. Kunden ohne Einwilligung für den Kanal werden immer ausgelassen; die Zusammenfassung nennt Anzahl und Gründe.</translation>
    </message>
    <message>
        <source>generic (CSV with the chosen columns), klaviyo, mailchimp, customer-match (Google Ads, hashed) or meta (custom audience, hashed).</source>
        <translation>generic (CSV mit den gewählten Spalten), klaviyo, mailchimp, customer-match (Google Ads, gehasht) oder meta (Custom Audience, gehasht).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Comma-separated columns (generic: the file&apos;s columns; klaviyo and mailchimp: extra columns), e.g. email,first_name,orders,last_order.</source>
        <translation>Kommagetrennte Spalten (generic: die Spalten der Datei; klaviyo und mailchimp: zusätzliche Spalten), z. B. email,first_name,orders,last_order.</translation>
    </message>
    <message>
        <source>a,b,c</source>
        <translation>a,b,c</translation>
    </message>
    <message>
        <source>A unique discount code per shopper; each X becomes a random character.</source>
        <translation>Ein eindeutiger Rabattcode pro Kunde; jedes X wird zu einem zufälligen Zeichen.</translation>
    </message>
    <message>
        <source>SAVE10-XXXXXX</source>
        <translation>SAVE10-XXXXXX</translation>
    </message>
    <message>
        <source>Offer text for an Offer column.</source>
        <translation>Angebotstext für eine Spalte „Offer“.</translation>
    </message>
    <message>
        <source>generic only: email (default) or sms, whose consent and address are required.</source>
        <translation>nur generic: email (Standard) oder sms; Einwilligung und Adresse für diesen Kanal sind erforderlich.</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>KANAL</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 byte order mark (for Excel).</source>
        <translation>Die Datei mit einer UTF-8-Bytereihenfolgemarkierung (BOM) beginnen (für Excel).</translation>
    </message>
    <message>
        <source>Field delimiter: &apos;,&apos; (default) or &apos;;&apos;.</source>
        <translation>Feldtrennzeichen: &apos;,&apos; (Standard) oder &apos;;&apos;.</translation>
    </message>
    <message>
        <source>CHAR</source>
        <translation>ZEICHEN</translation>
    </message>
    <message>
        <source>The CSV file to write (must not exist yet).</source>
        <translation>Die zu schreibende CSV-Datei (darf noch nicht existieren).</translation>
    </message>
    <message>
        <source>Usage: clientele export --workspace FILE (--all | --profiles IDS.txt) --format FORMAT --out FILE</source>
        <translation>Aufruf: clientele export --workspace DATEI (--all | --profiles IDS.txt) --format FORMAT --out DATEI</translation>
    </message>
    <message>
        <source>--format must be generic, klaviyo, mailchimp, customer-match or meta, not &apos;%1&apos;.</source>
        <translation>--format muss generic, klaviyo, mailchimp, customer-match oder meta sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--channel sms is for the generic format only.</source>
        <translation>--channel sms gibt es nur für das Format generic.</translation>
    </message>
    <message>
        <source>--channel must be email or sms, not &apos;%1&apos;.</source>
        <translation>--channel muss email oder sms sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--delimiter must be &apos;,&apos; or &apos;;&apos;, not &apos;%1&apos;.</source>
        <translation>--delimiter muss &apos;,&apos; oder &apos;;&apos; sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Exported %1 of %2 shoppers to %3 in %4 s (manifest: %5).</source>
        <translation>%1 von %2 Kunden in %4 s nach %3 exportiert (Manifest: %5).</translation>
    </message>
    <message>
        <source>Left out %1 without consent or address for %2:</source>
        <translation>%1 ohne Einwilligung oder Adresse für %2 ausgelassen:</translation>
    </message>
    <message>
        <source>Issued %1 discount codes.</source>
        <translation>%1 Rabattcodes ausgegeben.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The export failed; nothing was written: %1</source>
        <translation>Der Export ist fehlgeschlagen; es wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Backtests a journey: replays the shoppers of a past window through it and counts who would have got which message, and who ordered anyway.</source>
        <translation>Testet eine Journey rückwirkend: spielt die Kunden eines vergangenen Zeitraums durch und zählt, wer welche Nachricht bekommen hätte und wer ohnehin bestellt hat.</translation>
    </message>
    <message>
        <source>A ready-made journey: cart-recovery.</source>
        <translation>Eine fertige Journey: cart-recovery.</translation>
    </message>
    <message>
        <source>A journey file (docs/journey-format.md).</source>
        <translation>Eine Journey-Datei (docs/journey-format.md).</translation>
    </message>
    <message>
        <source>JOURNEY.json</source>
        <translation>JOURNEY.json</translation>
    </message>
    <message>
        <source>First day shoppers may enter (UTC).</source>
        <translation>Erster Tag, an dem Kunden eintreten können (UTC).</translation>
    </message>
    <message>
        <source>Last day shoppers may enter (UTC, inclusive).</source>
        <translation>Letzter Tag, an dem Kunden eintreten können (UTC, einschließlich).</translation>
    </message>
    <message>
        <source>Print the result as one JSON object on stdout.</source>
        <translation>Das Ergebnis als ein JSON-Objekt auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>--from and --to must be dates (YYYY-MM-DD), --from not after --to.</source>
        <translation>--from und --to müssen Daten sein (JJJJ-MM-TT), --from nicht nach --to.</translation>
    </message>
    <message>
        <source>Unknown template %1 (known: cart-recovery).</source>
        <translation>Unbekannte Vorlage %1 (bekannt: cart-recovery).</translation>
    </message>
    <message>
        <source>Cannot read the journey %1: %2</source>
        <translation>Die Journey %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 entries (%2 shoppers), %3 converted, revenue %4, offer cost %5, %6 still in the journey (%7 ms).</source>
        <translation>%1 Eintritte (%2 Kunden), %3 konvertiert, Umsatz %4, Angebotskosten %5, %6 noch in der Journey (%7 ms).</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>  %1: %2 reached, %3 converted after, %4 left at goal, %5 still waiting</source>
        <translation>  %1: %2 erreicht, %3 danach konvertiert, %4 am Ziel ausgestiegen, %5 warten noch</translation>
    </message>
    <message>
        <source>; %1 sent, %2 skipped for consent, %3 over the cap, %4 held out, %5 postponed by quiet hours</source>
        <translation>; %1 gesendet, %2 ohne Einwilligung übersprungen, %3 über der Obergrenze, %4 zurückgehalten, %5 wegen Ruhezeit verschoben</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Verbindungen:</translation>
    </message>
    <message>
        <source>  %1 (%2) → %3: %4 shoppers, %5 converted</source>
        <translation>  %1 (%2) → %3: %4 Kunden, %5 konvertiert</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <source>  %1: %2 sent, %3 skipped for consent, %4 over the cap, %5 held out</source>
        <translation>  %1: %2 gesendet, %3 ohne Einwilligung übersprungen, %4 über der Obergrenze, %5 zurückgehalten</translation>
    </message>
    <message>
        <source>The journey is not valid:</source>
        <translation>Die Journey ist nicht gültig:</translation>
    </message>
    <message>
        <source>The simulation failed: %1</source>
        <translation>Die Simulation ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Compares the orders after a past campaign&apos;s messages with its holdout group, with a 95 % confidence interval for the difference.</source>
        <translation>Vergleicht die Bestellungen nach den Nachrichten einer früheren Kampagne mit ihrer Kontrollgruppe, mit einem 95-%-Konfidenzintervall für den Unterschied.</translation>
    </message>
    <message>
        <source>The campaign name (props.campaign).</source>
        <translation>Der Name der Kampagne (props.campaign).</translation>
    </message>
    <message>
        <source>An order within this many days after the message counts (default 3).</source>
        <translation>Eine Bestellung innerhalb so vieler Tage nach der Nachricht zählt (Standard 3).</translation>
    </message>
    <message>
        <source>No messages of the campaign %1 were found.</source>
        <translation>Keine Nachrichten der Kampagne %1 gefunden.</translation>
    </message>
    <message>
        <source>Treatment: %1 of %2 ordered within %3 days (%4 %).</source>
        <translation>Versand: %1 von %2 bestellten innerhalb von %3 Tagen (%4 %).</translation>
    </message>
    <message>
        <source>Holdout: %1 of %2 ordered within %3 days (%4 %).</source>
        <translation>Kontrollgruppe: %1 von %2 bestellten innerhalb von %3 Tagen (%4 %).</translation>
    </message>
    <message>
        <source>Difference: %1 percentage points (95 % interval %2 to %3)%4</source>
        <translation>Unterschied: %1 Prozentpunkte (95-%-Intervall %2 bis %3)%4</translation>
    </message>
    <message>
        <source>: the campaign made a difference.</source>
        <translation>: Die Kampagne hat etwas bewirkt.</translation>
    </message>
    <message>
        <source>: not distinguishable from chance.</source>
        <translation>: vom Zufall nicht zu unterscheiden.</translation>
    </message>
    <message>
        <source>The lift report failed: %1</source>
        <translation>Der Lift-Bericht ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Running journeys: %1 shoppers entered, %2 messages scheduled in the outbox.</source>
        <translation>Laufende Journeys: %1 Kunden eingestiegen, %2 Nachrichten im Postausgang eingeplant.</translation>
    </message>
    <message>
        <source>A saved journey, with --step or --outbox.</source>
        <translation>Eine gespeicherte Journey, mit --step oder --outbox.</translation>
    </message>
    <message>
        <source>The shoppers at this step (node id) of the journey now.</source>
        <translation>Die Kunden, die jetzt an diesem Schritt (Knoten-ID) der Journey sind.</translation>
    </message>
    <message>
        <source>NODE</source>
        <translation>KNOTEN</translation>
    </message>
    <message>
        <source>The journey&apos;s messages of this channel not exported yet (email, sms, push, banner or ad_audience), with their rendered text and codes.</source>
        <translation>Die noch nicht exportierten Nachrichten der Journey auf diesem Kanal (email, sms, push, banner oder ad_audience), mit fertigem Text und Codes.</translation>
    </message>
    <message>
        <source>Choose the shoppers with exactly one of --all, --segment NAME, --profiles IDS.txt or --journey NAME with --step NODE or --outbox CHANNEL.</source>
        <translation>Wählen Sie die Kunden mit genau einem von --all, --segment NAME, --profiles IDS.txt oder --journey NAME mit --step KNOTEN oder --outbox KANAL.</translation>
    </message>
    <message>
        <source>no app device</source>
        <translation>kein App-Gerät</translation>
    </message>
    <message>
        <source>Usage: clientele journey simulate|save|list|on|off|remove|outbox|lift --workspace FILE … (see clientele --help)</source>
        <translation>Aufruf: clientele journey simulate|save|list|on|off|remove|outbox|lift --workspace DATEI … (siehe clientele --help)</translation>
    </message>
    <message>
        <source>A journey saved in the workspace.</source>
        <translation>Eine im Arbeitsbereich gespeicherte Journey.</translation>
    </message>
    <message>
        <source>Usage: clientele journey simulate --workspace FILE (--name NAME | --template cart-recovery | --file JOURNEY.json) --from YYYY-MM-DD --to YYYY-MM-DD [--json]</source>
        <translation>Aufruf: clientele journey simulate --workspace DATEI (--name NAME | --template cart-recovery | --file JOURNEY.json) --from JJJJ-MM-TT --to JJJJ-MM-TT [--json]</translation>
    </message>
    <message>
        <source>There is no journey called %1 in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es keine Journey namens %1.</translation>
    </message>
    <message>
        <source>A journey that runs in the workspace: its message arm against its holdout.</source>
        <translation>Eine Journey, die im Arbeitsbereich läuft: ihre Empfänger gegen ihre Kontrollgruppe.</translation>
    </message>
    <message>
        <source>Usage: clientele journey lift --workspace FILE (--campaign NAME [--days N] | --name JOURNEY) [--json]</source>
        <translation>Aufruf: clientele journey lift --workspace DATEI (--campaign NAME [--days N] | --name JOURNEY) [--json]</translation>
    </message>
    <message>
        <source>The journey %1 has sent no messages and held back nobody yet.</source>
        <translation>Die Journey %1 hat noch keine Nachrichten gesendet und niemanden zurückgehalten.</translation>
    </message>
    <message>
        <source>Sent messages: %1 of %2 entries reached the goal while in the journey (%3 %).</source>
        <translation>Mit Nachrichten: %1 von %2 Einstiegen haben das Ziel in der Journey erreicht (%3 %).</translation>
    </message>
    <message>
        <source>Holdout: %1 of %2 entries reached the goal (%3 %).</source>
        <translation>Kontrollgruppe: %1 von %2 Einstiegen haben das Ziel erreicht (%3 %).</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Saves a journey in the workspace (a new one, or a new version of one with the same name). A journey that is on only accepts a valid new version.</source>
        <translation>Speichert eine Journey im Arbeitsbereich (eine neue oder eine neue Fassung einer gleichnamigen). Eine laufende Journey nimmt nur eine gültige neue Fassung an.</translation>
    </message>
    <message>
        <source>The name to save it under (default: the journey&apos;s own name).</source>
        <translation>Der Name, unter dem sie gespeichert wird (Standard: der eigene Name der Journey).</translation>
    </message>
    <message>
        <source>Usage: clientele journey save --workspace FILE (--file JOURNEY.json | --template cart-recovery) [--name NAME]</source>
        <translation>Aufruf: clientele journey save --workspace DATEI (--file JOURNEY.json | --template cart-recovery) [--name NAME]</translation>
    </message>
    <message>
        <source>Saved the journey %1.</source>
        <translation>Journey %1 gespeichert.</translation>
    </message>
    <message>
        <source>It cannot be switched on yet: %1</source>
        <translation>Sie kann noch nicht eingeschaltet werden: %1</translation>
    </message>
    <message>
        <source>The journey was not saved: %1</source>
        <translation>Die Journey wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Lists the journeys saved in the workspace.</source>
        <translation>Listet die im Arbeitsbereich gespeicherten Journeys auf.</translation>
    </message>
    <message>
        <source>Print the list as one JSON array on stdout.</source>
        <translation>Gibt die Liste als ein JSON-Array auf stdout aus.</translation>
    </message>
    <message>
        <source>Usage: clientele journey list --workspace FILE [--json]</source>
        <translation>Aufruf: clientele journey list --workspace DATEI [--json]</translation>
    </message>
    <message>
        <source>%1	%2	%3 in the journey	%4 messages waiting for export</source>
        <translation>%1	%2	%3 in der Journey	%4 Nachrichten warten auf den Export</translation>
    </message>
    <message>
        <source>Cannot list the journeys: %1</source>
        <translation>Die Journeys können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Deletes a journey with its shoppers&apos; state and its outbox.</source>
        <translation>Löscht eine Journey mit dem Stand ihrer Kunden und ihrem Postausgang.</translation>
    </message>
    <message>
        <source>Switches a journey on (each import advances it) or off (it keeps its state).</source>
        <translation>Schaltet eine Journey ein (jeder Import führt sie weiter) oder aus (sie behält ihren Stand).</translation>
    </message>
    <message>
        <source>The journey&apos;s name.</source>
        <translation>Der Name der Journey.</translation>
    </message>
    <message>
        <source>Usage: clientele journey %1 --workspace FILE --name NAME</source>
        <translation>Aufruf: clientele journey %1 --workspace DATEI --name NAME</translation>
    </message>
    <message>
        <source>There is no journey called %1.</source>
        <translation>Es gibt keine Journey namens %1.</translation>
    </message>
    <message>
        <source>Removed the journey %1.</source>
        <translation>Journey %1 gelöscht.</translation>
    </message>
    <message>
        <source>The journey %1 is on: each import advances it.</source>
        <translation>Die Journey %1 ist an: jeder Import führt sie weiter.</translation>
    </message>
    <message>
        <source>The journey %1 is off; its shoppers keep their place.</source>
        <translation>Die Journey %1 ist aus; ihre Kunden behalten ihren Platz.</translation>
    </message>
    <message>
        <source>Lists the messages a running journey scheduled, newest first.</source>
        <translation>Listet die Nachrichten, die eine laufende Journey eingeplant hat, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>Only this channel: email, push, sms, banner or ad_audience.</source>
        <translation>Nur dieser Kanal: email, push, sms, banner oder ad_audience.</translation>
    </message>
    <message>
        <source>At most this many messages (default 50).</source>
        <translation>Höchstens so viele Nachrichten (Standard 50).</translation>
    </message>
    <message>
        <source>Print the messages as one JSON array on stdout.</source>
        <translation>Gibt die Nachrichten als ein JSON-Array auf stdout aus.</translation>
    </message>
    <message>
        <source>Usage: clientele journey outbox --workspace FILE --name NAME [--channel C] [--limit N] [--json]</source>
        <translation>Aufruf: clientele journey outbox --workspace DATEI --name NAME [--channel K] [--limit N] [--json]</translation>
    </message>
    <message>
        <source>%1 messages in the outbox of %2 (newest first):</source>
        <translation>%1 Nachrichten im Postausgang von %2 (neueste zuerst):</translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation>Der Postausgang kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Predictions refitted on %1 buyers.</source>
        <translation>Vorhersagen neu angepasst auf %1 Käufer.</translation>
    </message>
    <message>
        <source>The import is complete, but the predictions could not be refitted: %1</source>
        <translation>Der Import ist abgeschlossen, aber die Vorhersagen konnten nicht neu angepasst werden: %1</translation>
    </message>
    <message>
        <source>The last day of the history the models learn from.</source>
        <translation>Der letzte Tag der Historie, aus der die Modelle lernen.</translation>
    </message>
    <message>
        <source>The unit of t_x, T, alpha and beta: day or week (default week).</source>
        <translation>Die Einheit von t_x, T, alpha und beta: day oder week (Standard week).</translation>
    </message>
    <message>
        <source>UNIT</source>
        <translation>EINHEIT</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>--time-unit must be day or week: %1</source>
        <translation>--time-unit muss day oder week sein: %1</translation>
    </message>
    <message>
        <source>Usage: clientele predict fit|validate|show --workspace FILE … (see clientele --help)</source>
        <translation>Aufruf: clientele predict fit|validate|show --workspace DATEI … (siehe clientele --help)</translation>
    </message>
    <message>
        <source>Fits the purchase and spend models on the workspace&apos;s orders and stores every buyer&apos;s predictions.</source>
        <translation>Passt die Kauf- und Ausgabenmodelle an die Bestellungen des Arbeitsbereichs an und speichert die Vorhersagen aller Käufer.</translation>
    </message>
    <message>
        <source>Fitted on %1 buyers (%2 with repeat orders), history up to %3, in %4 s.</source>
        <translation>Angepasst auf %1 Käufer (%2 mit Wiederholungskäufen), Historie bis %3, in %4 s.</translation>
    </message>
    <message>
        <source>BG/NBD      r = %1, alpha = %2, a = %3, b = %4, log-likelihood %5</source>
        <translation>BG/NBD      r = %1, alpha = %2, a = %3, b = %4, Log-Likelihood %5</translation>
    </message>
    <message>
        <source>Pareto/NBD  r = %1, alpha = %2, s = %3, beta = %4, log-likelihood %5</source>
        <translation>Pareto/NBD  r = %1, alpha = %2, s = %3, beta = %4, Log-Likelihood %5</translation>
    </message>
    <message>
        <source>Pareto/NBD  did not converge</source>
        <translation>Pareto/NBD  ist nicht konvergiert</translation>
    </message>
    <message>
        <source>Gamma-Gamma p = %1, q = %2, gamma = %3 (%4 repeat buyers)</source>
        <translation>Gamma-Gamma p = %1, q = %2, gamma = %3 (%4 Wiederkäufer)</translation>
    </message>
    <message>
        <source>Gamma-Gamma did not converge: predicted value uses each shopper&apos;s own average order</source>
        <translation>Gamma-Gamma ist nicht konvergiert: der vorhergesagte Wert nutzt die eigene durchschnittliche Bestellung jeder Person</translation>
    </message>
    <message>
        <source>Time unit: %1.</source>
        <translation>Zeiteinheit: %1.</translation>
    </message>
    <message>
        <source>The fit failed: %1</source>
        <translation>Die Anpassung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Fits on the history up to a date and compares the predicted repeat orders after it with what happened.</source>
        <translation>Passt die Modelle an die Historie bis zu einem Datum an und vergleicht die danach vorhergesagten Wiederholungskäufe mit dem, was geschah.</translation>
    </message>
    <message>
        <source>The last day of the holdout period (default: the day of the latest order).</source>
        <translation>Der letzte Tag des Prüfzeitraums (Standard: der Tag der neuesten Bestellung).</translation>
    </message>
    <message>
        <source>Usage: clientele predict validate --workspace FILE [--calibration-end DATE] [--holdout-end DATE] [--time-unit day|week] [--json]</source>
        <translation>Aufruf: clientele predict validate --workspace DATUMI [--calibration-end DATUM] [--holdout-end DATUM] [--time-unit day|week] [--json]</translation>
    </message>
    <message>
        <source>Calibration up to %1, holdout up to %2, %3 buyers.</source>
        <translation>Kalibrierung bis %1, Prüfzeitraum bis %2, %3 Käufer.</translation>
    </message>
    <message>
        <source>Repeat orders  shoppers  expected  actual (per shopper, in the holdout)</source>
        <translation>Wiederholungen  Personen  erwartet  tatsächlich (je Person, im Prüfzeitraum)</translation>
    </message>
    <message>
        <source>Predicted %1 repeat order days, actual %2; mean absolute error per shopper %3.</source>
        <translation>Vorhergesagt %1 Tage mit Wiederholungskäufen, tatsächlich %2; mittlerer absoluter Fehler je Person %3.</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Shows one shopper&apos;s stored predictions.</source>
        <translation>Zeigt die gespeicherten Vorhersagen einer Person.</translation>
    </message>
    <message>
        <source>KIND:VALUE, e.g. email:ana@example.com</source>
        <translation>ART:WERT, z. B. email:ana@example.com</translation>
    </message>
    <message>
        <source>Usage: clientele predict show --workspace FILE KIND:VALUE [--json]</source>
        <translation>Aufruf: clientele predict show --workspace DATEI ART:WERT [--json]</translation>
    </message>
    <message>
        <source>No predictions yet: run clientele predict fit first.</source>
        <translation>Noch keine Vorhersagen: zuerst clientele predict fit ausführen.</translation>
    </message>
    <message>
        <source>No predictions for this shopper: no completed order in the model&apos;s history.</source>
        <translation>Keine Vorhersagen für diese Person: keine abgeschlossene Bestellung in der Historie des Modells.</translation>
    </message>
    <message>
        <source>History: x = %1 repeat order days, t_x = %2, T = %3 (%4s)</source>
        <translation>Historie: x = %1 Tage mit Wiederholungskäufen, t_x = %2, T = %3 (Einheit: %4)</translation>
    </message>
    <message>
        <source>Expected orders: %1 in 30 days, %2 in 90 days, %3 in 365 days</source>
        <translation>Erwartete Bestellungen: %1 in 30 Tagen, %2 in 90 Tagen, %3 in 365 Tagen</translation>
    </message>
    <message>
        <source>Probability still active: %1 (churn risk %2)</source>
        <translation>Wahrscheinlichkeit noch aktiv: %1 (Abwanderungsrisiko %2)</translation>
    </message>
    <message>
        <source>Expected order value %1, predicted value next 12 months %2</source>
        <translation>Erwarteter Bestellwert %1, vorhergesagter Wert in den nächsten 12 Monaten %2</translation>
    </message>
    <message>
        <source>Next order expected around %1</source>
        <translation>Nächste Bestellung erwartet um den %1</translation>
    </message>
    <message>
        <source>Replenishment: %1 due %2</source>
        <translation>Nachkauf: %1 fällig am %2</translation>
    </message>
    <message>
        <source>The command failed: %1</source>
        <translation>Der Befehl ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Usage: clientele segment count|list|save|explain|overlap --workspace FILE … (see clientele --help)</source>
        <translation>Aufruf: clientele segment count|list|save|explain|overlap --workspace DATEI … (siehe clientele --help)</translation>
    </message>
    <message>
        <source>Counts the shoppers in the first segment only, in both and in the second only.</source>
        <translation>Zählt die Kundinnen und Kunden nur im ersten Segment, in beiden und nur im zweiten.</translation>
    </message>
    <message>
        <source>Print {&quot;a_only&quot;: N, &quot;both&quot;: N, &quot;b_only&quot;: N, &quot;a&quot;: N, &quot;b&quot;: N, &quot;ms&quot;: T} on stdout.</source>
        <translation>{&quot;a_only&quot;: N, &quot;both&quot;: N, &quot;b_only&quot;: N, &quot;a&quot;: N, &quot;b&quot;: N, &quot;ms&quot;: T} auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Usage: clientele segment overlap --workspace FILE --name A --name B [--as-of YYYY-MM-DD] [--json]</source>
        <translation>Aufruf: clientele segment overlap --workspace DATEI --name A --name B [--as-of JJJJ-MM-TT] [--json]</translation>
    </message>
    <message>
        <source>Only in &apos;%1&apos;: %2</source>
        <translation>Nur in „%1“: %2</translation>
    </message>
    <message>
        <source>In both: %1</source>
        <translation>In beiden: %1</translation>
    </message>
    <message>
        <source>(&apos;%1&apos;: %2, &apos;%3&apos;: %4; %5 ms)</source>
        <translation>(„%1“: %2, „%3“: %4; %5 ms)</translation>
    </message>
    <message>
        <source>The overlap failed: %1</source>
        <translation>Die Überschneidung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Map the columns by their names, as the import wizard guesses them (e.g. Email, Order Date, Total), instead of a --mapping file.</source>
        <translation>Die Spalten nach ihren Namen zuordnen, wie der Import-Assistent sie errät (z. B. Email, Order Date, Total), statt mit einer --mapping-Datei.</translation>
    </message>
    <message>
        <source>Print the mapping guessed from INPUT&apos;s header as JSON (to check, edit and pass to --mapping) and import nothing; needs no --workspace.</source>
        <translation>Die aus der Kopfzeile von INPUT erratene Zuordnung als JSON ausgeben (zum Prüfen, Bearbeiten und Übergeben an --mapping) und nichts importieren; braucht kein --workspace.</translation>
    </message>
    <message>
        <source>--mapping cannot be combined with --guess-mapping or --print-mapping.</source>
        <translation>--mapping kann nicht mit --guess-mapping oder --print-mapping kombiniert werden.</translation>
    </message>
    <message>
        <source>%1 is JSON Lines (Segment messages): it is imported without a mapping.</source>
        <translation>%1 ist JSON Lines (Segment-Nachrichten): Die Datei wird ohne Zuordnung importiert.</translation>
    </message>
    <message>
        <source>Cannot read the header of %1: %2</source>
        <translation>Die Kopfzeile von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Still to do before importing: %1</source>
        <translation>Vor dem Import noch zu tun: %1</translation>
    </message>
    <message>
        <source>Yearly rate at which the predicted 12-month value is discounted, e.g. 0.1 for 10 % (default 0: none).</source>
        <translation>Jährlicher Satz, mit dem der vorhergesagte 12-Monats-Wert abgezinst wird, z. B. 0.1 für 10 % (Standard 0: keiner).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>SATZ</translation>
    </message>
    <message>
        <source>Usage: clientele predict fit --workspace FILE [--calibration-end YYYY-MM-DD] [--time-unit day|week] [--discount-rate RATE] [--json]</source>
        <translation>Aufruf: clientele predict fit --workspace DATEI [--calibration-end JJJJ-MM-TT] [--time-unit day|week] [--discount-rate SATZ] [--json]</translation>
    </message>
    <message>
        <source>--discount-rate must be a number from 0 to 1: %1</source>
        <translation>--discount-rate muss eine Zahl von 0 bis 1 sein: %1</translation>
    </message>
    <message>
        <source>Usage: clientele [WORKSPACE]            open the app on a workspace
       clientele demo --out FILE [--shoppers N] [--seed S] [--end YYYY-MM-DD]
                                         write a demo store workspace
       clientele import --workspace FILE INPUT [--mapping MAPPING.json | --guess-mapping]
                        [--preset NAME] [--timezone TZ] [--country CC]
                        [--encoding windows-1252] [--json]
                                         import an events file (CSV, optionally gzip)
       clientele import --print-mapping INPUT
                                         print the mapping guessed from a file&apos;s header
       clientele profile show --workspace FILE KIND:VALUE [--json]
                                         show a shopper (e.g. email:ana@example.com)
       clientele profile search --workspace FILE TEXT [--limit N] [--json]
                                         find shoppers by identifier or name prefix
       clientele profile export --workspace FILE KIND:VALUE --out FILE.json
                                         write everything held about a shopper
       clientele profile erase --workspace FILE KIND:VALUE --yes [--reason TEXT]
                                         erase a shopper for good
       clientele profile rebuild-traits --workspace FILE
                                         recompute every shopper&apos;s traits
       clientele segment count --workspace FILE (--name NAME | --file RULE.json)
                               [--as-of YYYY-MM-DD] [--json]
                                         count the shoppers of a segment
       clientele segment list --workspace FILE
                                         list the saved segments
       clientele segment save --workspace FILE --name NAME --file RULE.json
                              [--description TEXT]
                                         save a segment (docs/segment-format.md)
       clientele segment explain --workspace FILE (--name NAME | --file RULE.json)
                                 KIND:VALUE [--as-of YYYY-MM-DD]
                                         why a shopper is in a segment or not
       clientele segment overlap --workspace FILE --name A --name B
                                 [--as-of YYYY-MM-DD] [--json]
                                         shoppers in A only, in both, in B only
       clientele export --workspace FILE (--all | --segment NAME | --profiles IDS.txt |
                        --journey NAME (--step NODE | --outbox CHANNEL))
                        --format generic|klaviyo|mailchimp|customer-match|meta
                        [--columns a,b,c] [--code-pattern SAVE10-XXXXXX] [--offer TEXT]
                        [--channel email|sms] [--bom] [--delimiter &apos;;&apos;] --out FILE [--json]
                                         write a campaign file (consenting shoppers only)
       clientele journey simulate --workspace FILE (--name NAME | --template cart-recovery |
                                  --file JOURNEY.json) --from YYYY-MM-DD --to YYYY-MM-DD [--json]
                                         backtest a journey over past events
       clientele journey save --workspace FILE (--file JOURNEY.json | --template cart-recovery)
                              [--name NAME]   save a journey in the workspace
       clientele journey list --workspace FILE [--json]
                                         saved journeys, on or off, with their counts
       clientele journey on|off|remove --workspace FILE --name NAME
                                         run a journey with each import, stop it, delete it
       clientele journey outbox --workspace FILE --name NAME [--channel C] [--limit N] [--json]
                                         the messages a running journey scheduled
       clientele journey lift --workspace FILE (--campaign NAME [--days N] | --name NAME) [--json]
                                         treatment against holdout of a past campaign or a running journey
       clientele predict fit --workspace FILE [--calibration-end YYYY-MM-DD]
                             [--time-unit day|week] [--discount-rate RATE] [--json]
                                         fit lifetime value, churn and next-order models
       clientele predict validate --workspace FILE [--calibration-end DATE]
                                  [--holdout-end DATE] [--time-unit day|week] [--json]
                                         compare predictions with what happened after a date
       clientele predict show --workspace FILE KIND:VALUE [--json]
                                         one shopper&apos;s predictions
       clientele --help | --version
</source>
        <translation>Aufruf: clientele [ARBEITSBEREICH]       öffnet die App mit einem Arbeitsbereich
        clientele demo --out DATEI [--shoppers N] [--seed S] [--end JJJJ-MM-TT]
                                         schreibt einen Demo-Shop als Arbeitsbereich
        clientele import --workspace DATEI EINGABE [--mapping ZUORDNUNG.json | --guess-mapping]
                         [--preset NAME] [--timezone TZ] [--country CC]
                         [--encoding windows-1252] [--json]
                                         importiert eine Ereignisdatei (CSV, auch gzip)
        clientele import --print-mapping EINGABE
                                         gibt die aus der Kopfzeile erratene Zuordnung aus
        clientele profile show --workspace DATEI ART:WERT [--json]
                                         zeigt einen Kunden (z. B. email:ana@example.com)
        clientele profile search --workspace DATEI TEXT [--limit N] [--json]
                                         sucht Kunden nach Anfang von Kennung oder Name
        clientele profile export --workspace DATEI ART:WERT --out DATEI.json
                                         schreibt alles, was über einen Kunden gespeichert ist
        clientele profile erase --workspace DATEI ART:WERT --yes [--reason TEXT]
                                         löscht einen Kunden endgültig
        clientele profile rebuild-traits --workspace DATEI
                                         berechnet die Merkmale aller Kunden neu
        clientele segment count --workspace DATEI (--name NAME | --file REGEL.json)
                                [--as-of JJJJ-MM-TT] [--json]
                                         zählt die Kunden eines Segments
        clientele segment list --workspace DATEI
                                         listet die gespeicherten Segmente auf
        clientele segment save --workspace DATEI --name NAME --file REGEL.json
                               [--description TEXT]
                                         speichert ein Segment (docs/segment-format.md)
        clientele segment explain --workspace DATEI (--name NAME | --file REGEL.json)
                                  ART:WERT [--as-of JJJJ-MM-TT]
                                         erklärt, warum ein Kunde (nicht) im Segment ist
        clientele segment overlap --workspace DATEI --name A --name B
                                  [--as-of JJJJ-MM-TT] [--json]
                                         Kunden nur in A, in beiden, nur in B
        clientele export --workspace DATEI (--all | --segment NAME | --profiles IDS.txt |
                         --journey NAME (--step KNOTEN | --outbox KANAL))
                         --format generic|klaviyo|mailchimp|customer-match|meta
                         [--columns a,b,c] [--code-pattern SAVE10-XXXXXX] [--offer TEXT]
                         [--channel email|sms] [--bom] [--delimiter &apos;;&apos;] --out DATEI [--json]
                                         schreibt eine Kampagnendatei (nur Kunden mit Einwilligung)
        clientele journey simulate --workspace DATEI (--name NAME | --template cart-recovery |
                                   --file JOURNEY.json) --from JJJJ-MM-TT --to JJJJ-MM-TT [--json]
                                         spielt eine Journey über vergangene Ereignisse durch
        clientele journey save --workspace DATEI (--file JOURNEY.json | --template cart-recovery)
                               [--name NAME]   speichert eine Journey im Arbeitsbereich
        clientele journey list --workspace DATEI [--json]
                                         gespeicherte Journeys, an oder aus, mit ihren Zahlen
        clientele journey on|off|remove --workspace DATEI --name NAME
                                         lässt eine Journey mit jedem Import laufen, hält sie an, löscht sie
        clientele journey outbox --workspace DATEI --name NAME [--channel K] [--limit N] [--json]
                                         die Nachrichten, die eine laufende Journey eingeplant hat
        clientele journey lift --workspace DATEI (--campaign NAME [--days N] | --name NAME) [--json]
                                         vergleicht Versand und Kontrollgruppe einer früheren Kampagne oder laufenden Journey
        clientele predict fit --workspace DATEI [--calibration-end JJJJ-MM-TT]
                              [--time-unit day|week] [--discount-rate RATE] [--json]
                                         passt die Modelle für Kundenwert, Abwanderung und nächste Bestellung an
        clientele predict validate --workspace DATEI [--calibration-end DATUM]
                                   [--holdout-end DATUM] [--time-unit day|week] [--json]
                                         vergleicht die Vorhersagen mit dem, was nach einem Datum geschah
        clientele predict show --workspace DATEI ART:WERT [--json]
                                         die Vorhersagen für eine Kundin oder einen Kunden
        clientele --help | --version
</translation>
    </message>
    <message>
        <source>--%1 must be a date like 2026-06-30, not &apos;%2&apos;.</source>
        <translation>--%1 muss ein Datum wie 2026-06-30 sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>clientele::ConditionRow</name>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move out of this group</source>
        <translation>Aus dieser Gruppe herausnehmen</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>values separated by commas</source>
        <translation>Werte durch Kommas getrennt</translation>
    </message>
    <message>
        <source>did</source>
        <translation>hat</translation>
    </message>
    <message>
        <source>did not</source>
        <translation>hat nicht</translation>
    </message>
    <message>
        <source>at least once</source>
        <translation>mindestens einmal</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>exactly</source>
        <translation>genau</translation>
    </message>
    <message>
        <source>with a total…</source>
        <translation>mit einer Summe…</translation>
    </message>
    <message>
        <source>times</source>
        <translation>-mal</translation>
    </message>
    <message>
        <source>+ where…</source>
        <translation>+ wobei…</translation>
    </message>
    <message>
        <source>Only count events with a property, e.g. a product category</source>
        <translation>Nur Ereignisse mit einer Eigenschaft zählen, z. B. einer Produktkategorie</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>spent on the matching products</source>
        <translation>Betrag für die passenden Produkte</translation>
    </message>
    <message>
        <source>first event where</source>
        <translation>erstes Ereignis, wobei</translation>
    </message>
    <message>
        <source>second event where</source>
        <translation>zweites Ereignis, wobei</translation>
    </message>
    <message>
        <source>where</source>
        <translation>wobei</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>jemals</translation>
    </message>
    <message>
        <source>in the last</source>
        <translation>in den letzten</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>then</source>
        <translation>danach</translation>
    </message>
    <message>
        <source>within</source>
        <translation>innerhalb von</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>· first event:</source>
        <translation>· erstes Ereignis:</translation>
    </message>
    <message>
        <source>On the first event</source>
        <translation>Beim ersten Ereignis</translation>
    </message>
    <message>
        <source>On the second event</source>
        <translation>Beim zweiten Ereignis</translation>
    </message>
    <message>
        <source>choose groups…</source>
        <translation>Gruppen wählen…</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist eine von</translation>
    </message>
    <message>
        <source>is in</source>
        <translation>ist in</translation>
    </message>
    <message>
        <source>is not in</source>
        <translation>ist nicht in</translation>
    </message>
    <message>
        <source>choose a segment…</source>
        <translation>Segment wählen…</translation>
    </message>
    <message>
        <source>(consent granted and not unsubscribed since)</source>
        <translation>(Einwilligung erteilt und seitdem nicht abgemeldet)</translation>
    </message>
    <message>
        <source>Drag to move this condition (or Ctrl+Up/Down, Ctrl+Shift+Up out of its group, Ctrl+Shift+Down into the next group)</source>
        <translation>Ziehen, um diese Bedingung zu verschieben (oder Strg+Auf/Ab, Strg+Umschalt+Auf aus ihrer Gruppe heraus, Strg+Umschalt+Ab in die nächste Gruppe)</translation>
    </message>
    <message>
        <source>Product…</source>
        <translation>Produkt…</translation>
    </message>
    <message>
        <source>Choose the product from the catalogue, by name or SKU</source>
        <translation>Das Produkt aus dem Katalog wählen, nach Name oder Artikelnummer</translation>
    </message>
</context>
<context>
    <name>clientele::CustomerListModel</name>
    <message>
        <source>Anonymous visitor</source>
        <translation>Anonymer Besucher</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Known only by a browser or app install</source>
        <translation>Nur über einen Browser oder eine App-Installation bekannt</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>Zum Sortieren klicken</translation>
    </message>
    <message>
        <source>This column cannot be sorted in a large workspace</source>
        <translation>Diese Spalte kann in einem großen Arbeitsbereich nicht sortiert werden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Letzte Bestellung</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>RFM group</source>
        <translation>RFM-Gruppe</translation>
    </message>
    <message>
        <source>Open cart</source>
        <translation>Offener Warenkorb</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>Treuestufe</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>E-Mail-Einwilligung</translation>
    </message>
</context>
<context>
    <name>clientele::CustomersPage</name>
    <message>
        <source>The shoppers could not be read: %1</source>
        <translation>Die Kunden konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Search by name, email, phone, customer ID or loyalty card…</source>
        <translation>Nach Name, E-Mail, Telefon, Kundennummer oder Kundenkarte suchen…</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>Spalten…</translation>
    </message>
    <message>
        <source>Import a File…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>Reset Columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Open or create a workspace with the File menu.</source>
        <translation>Öffnen oder erstellen Sie einen Arbeitsbereich über das Menü „Datei“.</translation>
    </message>
    <message>
        <source>1 shopper found</source>
        <translation>1 Kunde gefunden</translation>
    </message>
    <message>
        <source>%L1 shoppers found</source>
        <translation>%L1 Kunden gefunden</translation>
    </message>
    <message>
        <source>No shoppers match “%1”</source>
        <translation>Kein Kunde passt zu „%1“</translation>
    </message>
    <message>
        <source>Search looks at the start of names, email addresses, phone numbers, customer IDs and loyalty cards. Check the spelling, or type less.</source>
        <translation>Die Suche vergleicht den Anfang von Namen, E-Mail-Adressen, Telefonnummern, Kundennummern und Kundenkarten. Prüfen Sie die Schreibweise oder geben Sie weniger ein.</translation>
    </message>
    <message>
        <source>1 shopper</source>
        <translation>1 Kunde</translation>
    </message>
    <message>
        <source>%L1 shoppers</source>
        <translation>%L1 Kunden</translation>
    </message>
    <message>
        <source>No shoppers yet</source>
        <translation>Noch keine Kunden</translation>
    </message>
    <message>
        <source>Shoppers appear here once you import your store&apos;s data: an events file, an order export or a customer list. Use File › Import… or the button below.</source>
        <translation>Kunden erscheinen hier, sobald Sie die Daten Ihres Shops importieren: eine Ereignisdatei, einen Bestellexport oder eine Kundenliste. Verwenden Sie Datei › Importieren… oder die Schaltfläche unten.</translation>
    </message>
</context>
<context>
    <name>clientele::DeleteShopperDialog</name>
    <message>
        <source>Delete Shopper</source>
        <translation>Kundenprofil löschen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Delete %1 for good?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;This removes the shopper&apos;s profile, every event, identifier and consent, their merge history, and import lines that quote them. It is meant for a right-to-be-forgotten request and &lt;b&gt;cannot be undone&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;The workspace keeps a record that a shopper was deleted, with the reason you give below, but nothing that identifies them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 endgültig löschen?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Dadurch werden das Kundenprofil, alle Ereignisse, Kennungen und Einwilligungen, der Zusammenführungsverlauf sowie Importzeilen, die den Kunden nennen, entfernt. Dies ist für Anträge auf Vergessenwerden gedacht und &lt;b&gt;kann nicht rückgängig gemacht werden&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Der Arbeitsbereich behält einen Nachweis, dass ein Kunde gelöscht wurde, mit dem unten angegebenen Grund, aber nichts, was den Kunden identifiziert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>DELETE</source>
        <translation>DELETE</translation>
    </message>
    <message>
        <source>DELETE or %1</source>
        <translation>DELETE oder %1</translation>
    </message>
    <message>
        <source>Type DELETE to confirm:</source>
        <translation>Geben Sie zur Bestätigung DELETE ein:</translation>
    </message>
    <message>
        <source>Type DELETE or the email to confirm:</source>
        <translation>Geben Sie zur Bestätigung DELETE oder die E-Mail-Adresse ein:</translation>
    </message>
    <message>
        <source>e.g. ticket #4711 — no names or addresses</source>
        <translation>z. B. Vorgang #4711 – keine Namen oder Adressen</translation>
    </message>
    <message>
        <source>Reason or ticket:</source>
        <translation>Grund oder Vorgang:</translation>
    </message>
</context>
<context>
    <name>clientele::ExportPage</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Write a campaign file for an email tool or an ad platform. Shoppers without consent for the channel are always left out.</source>
        <translation>Schreiben Sie eine Kampagnendatei für ein E-Mail-Tool oder eine Werbeplattform. Kunden ohne Einwilligung für den Kanal werden immer ausgelassen.</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>All shoppers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Saved segment:</source>
        <translation>Gespeichertes Segment:</translation>
    </message>
    <message>
        <source>No saved segments yet</source>
        <translation>Noch keine gespeicherten Segmente</translation>
    </message>
    <message>
        <source>Profile ids from a file:</source>
        <translation>Profil-IDs aus einer Datei:</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>A text file with one profile id per line.</source>
        <translation>Eine Textdatei mit einer Profil-ID pro Zeile.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Generic CSV</source>
        <translation>Allgemeine CSV-Datei</translation>
    </message>
    <message>
        <source>Klaviyo list</source>
        <translation>Klaviyo-Liste</translation>
    </message>
    <message>
        <source>Mailchimp audience</source>
        <translation>Mailchimp-Zielgruppe</translation>
    </message>
    <message>
        <source>Google Ads Customer Match</source>
        <translation>Google Ads Customer Match</translation>
    </message>
    <message>
        <source>Meta custom audience</source>
        <translation>Meta Custom Audience</translation>
    </message>
    <message>
        <source>Email (needs email consent)</source>
        <translation>E-Mail (erfordert E-Mail-Einwilligung)</translation>
    </message>
    <message>
        <source>SMS (needs SMS consent)</source>
        <translation>SMS (erfordert SMS-Einwilligung)</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>UTF-8 byte order mark (for Excel)</source>
        <translation>UTF-8-Bytereihenfolgemarkierung (für Excel)</translation>
    </message>
    <message>
        <source>Separate with ; (for Excel in Europe)</source>
        <translation>Mit ; trennen (für Excel in Europa)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>e.g. SAVE10-XXXXXX (optional)</source>
        <translation>z. B. SAVE10-XXXXXX (optional)</translation>
    </message>
    <message>
        <source>Every X becomes a random letter or digit: one unique discount code per shopper, recorded in the workspace.</source>
        <translation>Jedes X wird zu einem zufälligen Buchstaben oder einer Ziffer: ein eindeutiger Rabattcode pro Kunde, im Arbeitsbereich festgehalten.</translation>
    </message>
    <message>
        <source>e.g. 10% off your next order (optional)</source>
        <translation>z. B. 10 % Rabatt auf Ihre nächste Bestellung (optional)</translation>
    </message>
    <message>
        <source>Ad audiences carry no discount codes or offers: the file only says whom to show ads to.</source>
        <translation>Werbezielgruppen enthalten keine Rabattcodes oder Angebote: Die Datei gibt nur an, wem Anzeigen gezeigt werden.</translation>
    </message>
    <message>
        <source>Discount codes:</source>
        <translation>Rabattcodes:</translation>
    </message>
    <message>
        <source>Offer text:</source>
        <translation>Angebotstext:</translation>
    </message>
    <message>
        <source>Preview: the first rows as the file will have them</source>
        <translation>Vorschau: die ersten Zeilen so, wie sie in der Datei stehen werden</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Last export</source>
        <translation>Letzter Export</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Choose a segment…</source>
        <translation>Segment wählen…</translation>
    </message>
    <message>
        <source>not a shopper of this workspace (unknown id)</source>
        <translation>kein Kunde dieses Arbeitsbereichs (unbekannte ID)</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>no valid mobile number</source>
        <translation>keine gültige Mobilnummer</translation>
    </message>
    <message>
        <source>no e-mail address or phone to match on</source>
        <translation>keine E-Mail-Adresse oder Telefonnummer zum Abgleich</translation>
    </message>
    <message>
        <source>never gave consent</source>
        <translation>nie eingewilligt</translation>
    </message>
    <message>
        <source>declined consent</source>
        <translation>Einwilligung abgelehnt</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>A plain CSV file with the columns you choose, for any email or SMS tool, or to open in a spreadsheet.</source>
        <translation>Eine einfache CSV-Datei mit den von Ihnen gewählten Spalten, für jedes E-Mail- oder SMS-Tool oder zum Öffnen in einer Tabellenkalkulation.</translation>
    </message>
    <message>
        <source>A list import for Klaviyo: e-mail first, then names, phone and the email and SMS consent columns Klaviyo reads.</source>
        <translation>Ein Listenimport für Klaviyo: zuerst die E-Mail-Adresse, dann Namen, Telefon und die Spalten zur E-Mail- und SMS-Einwilligung, die Klaviyo liest.</translation>
    </message>
    <message>
        <source>An audience import for Mailchimp: e-mail address, names, phone and country.</source>
        <translation>Ein Zielgruppenimport für Mailchimp: E-Mail-Adresse, Namen, Telefon und Land.</translation>
    </message>
    <message>
        <source>A Google Ads Customer Match list, to show ads to these shoppers. E-mail, phone and names are SHA-256 hashed as Google requires; the country stays readable.</source>
        <translation>Eine Customer-Match-Liste für Google Ads, um diesen Kunden Anzeigen zu zeigen. E-Mail, Telefon und Namen werden wie von Google verlangt mit SHA-256 gehasht; das Land bleibt lesbar.</translation>
    </message>
    <message>
        <source>A Meta (Facebook, Instagram) custom audience list. Every personal value is SHA-256 hashed, as Meta requires.</source>
        <translation>Eine Custom-Audience-Liste für Meta (Facebook, Instagram). Jeder personenbezogene Wert wird wie von Meta verlangt mit SHA-256 gehasht.</translation>
    </message>
    <message>
        <source>Set by the platform; shown in the preview.</source>
        <translation>Von der Plattform vorgegeben; in der Vorschau zu sehen.</translation>
    </message>
    <message>
        <source>Leave empty for no codes.</source>
        <translation>Leer lassen, um keine Codes zu erzeugen.</translation>
    </message>
    <message>
        <source>One unique code per exported shopper, each X a random character: %1 possible codes.</source>
        <translation>Ein eindeutiger Code pro exportiertem Kunden, jedes X ein zufälliges Zeichen: %1 mögliche Codes.</translation>
    </message>
    <message>
        <source>Choose a saved segment, or save one in the Segments area first.</source>
        <translation>Wählen Sie ein gespeichertes Segment oder speichern Sie zuerst eines im Bereich „Segmente“.</translation>
    </message>
    <message>
        <source>Choose a file of profile ids.</source>
        <translation>Wählen Sie eine Datei mit Profil-IDs.</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Wählen Sie mindestens eine Spalte.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Set by the platform, in this order:
%1</source>
        <translation>Von der Plattform vorgegeben, in dieser Reihenfolge:
%1</translation>
    </message>
    <message>
        <source>This workspace has no shoppers yet. Import your store&apos;s data with File › Import…, or fill it with the demo store from the Overview page; then come back to export.</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Kunden. Importieren Sie die Daten Ihres Shops mit Datei › Importieren… oder füllen Sie ihn auf der Seite „Übersicht“ mit dem Demo-Shop; kommen Sie dann zum Exportieren zurück.</translation>
    </message>
    <message>
        <source>This audience has nobody in it. Choose another segment or file.</source>
        <translation>Diese Zielgruppe ist leer. Wählen Sie ein anderes Segment oder eine andere Datei.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>ads</source>
        <translation>Werbeanzeigen</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Nobody in this audience can be exported for %1 (%2). Only shoppers who gave consent and have an address to send to are exported; choose another audience, format or channel.</source>
        <translation>Niemand in dieser Zielgruppe kann für %1 exportiert werden (%2). Exportiert werden nur Kunden, die eingewilligt haben und eine Adresse für den Versand haben; wählen Sie eine andere Zielgruppe, ein anderes Format oder einen anderen Kanal.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; in the audience · &lt;b&gt;%2&lt;/b&gt; left out · &lt;b&gt;%3&lt;/b&gt; to be exported</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; in der Zielgruppe · &lt;b&gt;%2&lt;/b&gt; ausgelassen · &lt;b&gt;%3&lt;/b&gt; zu exportieren</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 (%1)</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Fix the discount-code pattern: %1</source>
        <translation>Korrigieren Sie das Rabattcode-Muster: %1</translation>
    </message>
    <message>
        <source>Profile Ids</source>
        <translation>Profil-IDs</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>Textdateien (*.txt *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>all-shoppers</source>
        <translation>alle-kunden</translation>
    </message>
    <message>
        <source>Export Campaign File</source>
        <translation>Kampagnendatei exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln shopper(s)…</source>
        <translation>
            <numerusform>%Ln Kunde wird exportiert…</numerusform>
            <numerusform>%Ln Kunden werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>Der Export wurde abgebrochen. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1 Nothing was written.</source>
        <translation>Der Export ist fehlgeschlagen: %1 Es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln shopper(s) exported&lt;/b&gt; to %1</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln Kunde exportiert&lt;/b&gt; nach %1</numerusform>
            <numerusform>&lt;b&gt;%Ln Kunden exportiert&lt;/b&gt; nach %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Discount codes issued: %1</source>
        <translation>Ausgegebene Rabattcodes: %1</translation>
    </message>
    <message>
        <source>Manifest: %1</source>
        <translation>Manifest: %1</translation>
    </message>
    <message>
        <source>Journey:</source>
        <translation>Journey:</translation>
    </message>
    <message>
        <source>No saved journeys yet</source>
        <translation>Noch keine gespeicherten Journeys</translation>
    </message>
    <message>
        <source>The shoppers at a step of the journey now, or the messages it scheduled on one channel (each message is exported once).</source>
        <translation>Die Kunden, die jetzt an einem Schritt der Journey sind, oder die Nachrichten, die sie auf einem Kanal eingeplant hat (jede Nachricht wird einmal exportiert).</translation>
    </message>
    <message>
        <source>Push (journey outbox; needs push consent)</source>
        <translation>Push (Postausgang einer Journey; braucht Push-Einwilligung)</translation>
    </message>
    <message>
        <source>On-site banner (journey outbox)</source>
        <translation>Banner im Shop (Postausgang einer Journey)</translation>
    </message>
    <message>
        <source>Outbox: e-mail messages</source>
        <translation>Postausgang: E-Mails</translation>
    </message>
    <message>
        <source>Outbox: text messages</source>
        <translation>Postausgang: SMS</translation>
    </message>
    <message>
        <source>Outbox: push messages</source>
        <translation>Postausgang: Push-Nachrichten</translation>
    </message>
    <message>
        <source>Outbox: on-site banners</source>
        <translation>Postausgang: Banner im Shop</translation>
    </message>
    <message>
        <source>Outbox: ad audience</source>
        <translation>Postausgang: Werbezielgruppe</translation>
    </message>
    <message>
        <source>Shoppers now at: %1</source>
        <translation>Kunden jetzt bei: %1</translation>
    </message>
    <message>
        <source>no app device to send a push to</source>
        <translation>kein App-Gerät für eine Push-Nachricht</translation>
    </message>
    <message>
        <source>Choose a journey, or save one in the Journeys area first.</source>
        <translation>Wählen Sie eine Journey oder speichern Sie zuerst eine im Bereich Journeys.</translation>
    </message>
    <message>
        <source>push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>the on-site banner</source>
        <translation>das Banner im Shop</translation>
    </message>
</context>
<context>
    <name>clientele::FieldPickerButton</name>
    <message>
        <source>Choose what this condition tests</source>
        <translation>Wählen Sie, was diese Bedingung prüft</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Abfolge</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
</context>
<context>
    <name>clientele::FieldPickerPopup</name>
    <message>
        <source>Did or did not do an event…</source>
        <translation>Ereignis ausgelöst oder nicht…</translation>
    </message>
    <message>
        <source>Did one event, then (not) another…</source>
        <translation>Ein Ereignis, danach ein anderes (nicht)…</translation>
    </message>
    <message>
        <source>In RFM group…</source>
        <translation>In RFM-Gruppe…</translation>
    </message>
    <message>
        <source>In another saved segment…</source>
        <translation>In einem anderen gespeicherten Segment…</translation>
    </message>
    <message>
        <source>May be contacted by %1</source>
        <translation>Darf per %1 kontaktiert werden</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Search fields…</source>
        <translation>Felder durchsuchen…</translation>
    </message>
</context>
<context>
    <name>clientele::ImportFilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>A CSV file exported from your shop, point of sale, newsletter or support tool. Compressed files (.csv.gz) can be imported as they are.</source>
        <translation>Eine CSV-Datei, exportiert aus Ihrem Shop, Kassensystem, Newsletter- oder Kundenservice-Tool. Komprimierte Dateien (.csv.gz) können direkt importiert werden.</translation>
    </message>
    <message>
        <source>Path of the file to import</source>
        <translation>Pfad der zu importierenden Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows-1252 (Excel on Windows)</source>
        <translation>Windows-1252 (Excel unter Windows)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation>Erste Zeilen der Datei:</translation>
    </message>
    <message>
        <source>Read as a generic events file: you map its columns on the next page.</source>
        <translation>Wird als allgemeine Ereignisdatei gelesen: Die Spalten ordnen Sie auf der nächsten Seite zu.</translation>
    </message>
    <message>
        <source>Generic events file — map its columns on the next page.</source>
        <translation>Allgemeine Ereignisdatei – ordnen Sie die Spalten auf der nächsten Seite zu.</translation>
    </message>
    <message>
        <source>Recognised: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message>
        <source>Read as %1, although its columns do not look like it.</source>
        <translation>Wird als %1 gelesen, obwohl die Spalten nicht danach aussehen.</translation>
    </message>
    <message>
        <source>Import File</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <source>No file chosen yet. Its first rows will show here, so you can check that it reads correctly.</source>
        <translation>Noch keine Datei ausgewählt. Die ersten Zeilen der Datei werden hier angezeigt, damit Sie prüfen können, ob sie korrekt gelesen wird.</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Diese Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Store exports (*.csv *.txt *.tsv *.jsonl *.json *.gz);;CSV files (*.csv *.csv.gz);;Event logs (*.jsonl *.json *.jsonl.gz);;All files (*)</source>
        <translation>Shop-Exporte (*.csv *.txt *.tsv *.jsonl *.json *.gz);;CSV-Dateien (*.csv *.csv.gz);;Ereignisprotokolle (*.jsonl *.json *.jsonl.gz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>clientele::ImportMappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Say what each column holds. Required: when it happened, the event type (a column or one type for the whole file) and at least one identity. Required choices are marked *.</source>
        <translation>Geben Sie an, was jede Spalte enthält. Erforderlich sind der Zeitpunkt, der Ereignistyp (als Spalte oder ein Typ für die ganze Datei) und mindestens eine Kennung. Pflichtangaben sind mit * markiert.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>e.g. Order Completed</source>
        <translation>z. B. Order Completed</translation>
    </message>
    <message>
        <source>Used for every row when no column holds the event type.</source>
        <translation>Wird für jede Zeile verwendet, wenn keine Spalte den Ereignistyp enthält.</translation>
    </message>
    <message>
        <source>For times written without an offset.</source>
        <translation>Für Zeitangaben ohne Versatz.</translation>
    </message>
    <message>
        <source>For phone numbers written without a country code.</source>
        <translation>Für Telefonnummern ohne Ländervorwahl.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>Point (12.50)</source>
        <translation>Punkt (12.50)</translation>
    </message>
    <message>
        <source>Comma (12,50)</source>
        <translation>Komma (12,50)</translation>
    </message>
    <message>
        <source>Day first (31/12/2025)</source>
        <translation>Tag zuerst (31/12/2025)</translation>
    </message>
    <message>
        <source>Month first (12/31/2025)</source>
        <translation>Monat zuerst (12/31/2025)</translation>
    </message>
    <message>
        <source>How the values are written</source>
        <translation>Schreibweise der Werte</translation>
    </message>
    <message>
        <source>Event type for all rows:</source>
        <translation>Ereignistyp für alle Zeilen:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>Phone country:</source>
        <translation>Land für Telefonnummern:</translation>
    </message>
    <message>
        <source>Decimal separator:</source>
        <translation>Dezimaltrennzeichen:</translation>
    </message>
    <message>
        <source>Date order:</source>
        <translation>Datumsreihenfolge:</translation>
    </message>
    <message>
        <source>Save Mapping…</source>
        <translation>Zuordnung speichern…</translation>
    </message>
    <message>
        <source>Load Mapping…</source>
        <translation>Zuordnung laden…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <source>Amount / result</source>
        <translation>Betrag / Ergebnis</translation>
    </message>
    <message>
        <source>How the first rows will be imported:</source>
        <translation>So werden die ersten Zeilen importiert:</translation>
    </message>
    <message>
        <source>Ready: every required field is mapped.</source>
        <translation>Bereit: Alle Pflichtfelder sind zugeordnet.</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a mapping file (it is not valid JSON).</source>
        <translation>%1 ist keine Zuordnungsdatei (kein gültiges JSON).</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Zuordnungen (*.json)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Load Mapping</source>
        <translation>Zuordnung laden</translation>
    </message>
    <message>
        <source>Mappings (*.json);;All files (*)</source>
        <translation>Zuordnungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>%1 geladen.</translation>
    </message>
    <message>
        <source>Where the rows happened, unless a column says it.</source>
        <translation>Wo die Zeilen stattfanden, sofern keine Spalte es angibt.</translation>
    </message>
    <message>
        <source>One row per order line (rows with the same order id become one order)</source>
        <translation>Eine Zeile je Bestellposition (Zeilen mit derselben Bestellnummer werden zu einer Bestellung)</translation>
    </message>
    <message>
        <source>Channel for all rows:</source>
        <translation>Kanal für alle Zeilen:</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
</context>
<context>
    <name>clientele::ImportRejectsDialog</name>
    <message>
        <source>Rejected Rows</source>
        <translation>Abgelehnte Zeilen</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows that were not imported. Fix them in the file and import it again: rows already imported are recognised and skipped.</source>
        <translation>Die ersten %1 von %2 nicht importierten Zeilen. Korrigieren Sie sie in der Datei und importieren Sie die Datei erneut: Bereits importierte Zeilen werden erkannt und übersprungen.</translation>
    </message>
    <message>
        <source>Rows not imported: %1. Fix them in the file and import it again: rows already imported are recognised and skipped.</source>
        <translation>Nicht importierte Zeilen: %1. Korrigieren Sie sie in der Datei und importieren Sie die Datei erneut: Bereits importierte Zeilen werden erkannt und übersprungen.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Row as read</source>
        <translation>Zeile (wie gelesen)</translation>
    </message>
</context>
<context>
    <name>clientele::ImportRunPage</name>
    <message>
        <source>Saving the import…</source>
        <translation>Import wird gespeichert…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Cancel stops the import and leaves the workspace unchanged.</source>
        <translation>„Abbrechen“ beendet den Import und lässt den Arbeitsbereich unverändert.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>The whole file is imported in one step: if you cancel, or anything goes wrong, the workspace stays exactly as it was.</source>
        <translation>Die gesamte Datei wird in einem Schritt importiert: Wenn Sie abbrechen oder ein Fehler auftritt, bleibt der Arbeitsbereich genau so, wie er war.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Rows read:</source>
        <translation>Gelesene Zeilen:</translation>
    </message>
    <message>
        <source>Events imported:</source>
        <translation>Importierte Ereignisse:</translation>
    </message>
    <message>
        <source>Already in the workspace (skipped):</source>
        <translation>Bereits im Arbeitsbereich (übersprungen):</translation>
    </message>
    <message>
        <source>Rejected rows:</source>
        <translation>Abgelehnte Zeilen:</translation>
    </message>
    <message>
        <source>New shoppers:</source>
        <translation>Neue Kunden:</translation>
    </message>
    <message>
        <source>Shopper profiles merged:</source>
        <translation>Zusammengeführte Kundenprofile:</translation>
    </message>
    <message>
        <source>Show Rejected Rows…</source>
        <translation>Abgelehnte Zeilen anzeigen…</translation>
    </message>
    <message>
        <source>columns mapped: %1</source>
        <translation>zugeordnete Spalten: %1</translation>
    </message>
    <message>
        <source>the format&apos;s own mapping</source>
        <translation>die formateigene Zuordnung</translation>
    </message>
    <message>
        <source>&lt;p&gt;Clientele will read &lt;b&gt;%1&lt;/b&gt; as &lt;b&gt;%2&lt;/b&gt; (%3) and add its events to the workspace &lt;b&gt;%4&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Shoppers are matched by their identities: rows of a known shopper join their profile, new identities make new profiles. Rows already imported are recognised and skipped. Rows that cannot be used are kept in a list of rejected rows, with the reason each.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Clientele liest &lt;b&gt;%1&lt;/b&gt; als &lt;b&gt;%2&lt;/b&gt; (%3) und fügt die Ereignisse dem Arbeitsbereich &lt;b&gt;%4&lt;/b&gt; hinzu.&lt;/p&gt;&lt;p&gt;Kunden werden anhand ihrer Kennungen zugeordnet: Zeilen eines bekannten Kunden werden seinem Profil hinzugefügt, neue Kennungen ergeben neue Profile. Bereits importierte Zeilen werden erkannt und übersprungen. Zeilen, die nicht verwendet werden können, werden mit dem jeweiligen Grund in einer Liste abgelehnter Zeilen festgehalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Reading the file…
Cancel stops the import and leaves the workspace unchanged.</source>
        <translation>Datei wird gelesen…
„Abbrechen“ beendet den Import und lässt den Arbeitsbereich unverändert.</translation>
    </message>
    <message>
        <source>Import cancelled. The workspace is unchanged.</source>
        <translation>Import abgebrochen. Der Arbeitsbereich ist unverändert.</translation>
    </message>
    <message>
        <source>The import failed and the workspace is unchanged: %1</source>
        <translation>Der Import ist fehlgeschlagen, der Arbeitsbereich ist unverändert: %1</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>Import abgeschlossen.</translation>
    </message>
    <message>
        <source>The rejected rows cannot be read: %1</source>
        <translation>Die abgelehnten Zeilen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Computing customer traits…</source>
        <translation>Kundenmerkmale werden berechnet…</translation>
    </message>
</context>
<context>
    <name>clientele::ImportWizard</name>
    <message>
        <source>UCI Online Retail</source>
        <translation>UCI Online Retail</translation>
    </message>
    <message>
        <source>Shopify orders export</source>
        <translation>Shopify-Bestellexport</translation>
    </message>
    <message>
        <source>Shopify customers export</source>
        <translation>Shopify-Kundenexport</translation>
    </message>
    <message>
        <source>Generic events file</source>
        <translation>Allgemeine Ereignisdatei</translation>
    </message>
    <message>
        <source>Import Events</source>
        <translation>Ereignisse importieren</translation>
    </message>
    <message>
        <source>Product catalog</source>
        <translation>Produktkatalog</translation>
    </message>
    <message>
        <source>Segment JSON Lines</source>
        <translation>Segment-JSON-Lines</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyDocument</name>
    <message>
        <source>Connect an exit of a step to the input of another step.</source>
        <translation>Verbinden Sie einen Ausgang eines Schritts mit dem Eingang eines anderen Schritts.</translation>
    </message>
    <message>
        <source>A step cannot lead to itself.</source>
        <translation>Ein Schritt kann nicht zu sich selbst führen.</translation>
    </message>
    <message>
        <source>Nothing can lead into the Entry: it is where shoppers start.</source>
        <translation>Nichts kann in den Einstieg führen: Dort beginnen die Kunden.</translation>
    </message>
    <message>
        <source>%1 has no exit &quot;%2&quot;.</source>
        <translation>%1 hat keinen Ausgang „%2“.</translation>
    </message>
    <message>
        <source>The exit &quot;%1&quot; of %2 already leads to a step. Each exit leads to exactly one step: delete that connection first.</source>
        <translation>Der Ausgang „%1“ von %2 führt schon zu einem Schritt. Jeder Ausgang führt zu genau einem Schritt: Löschen Sie zuerst diese Verbindung.</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete Step</source>
        <translation>Schritt löschen</translation>
    </message>
    <message>
        <source>Delete Steps</source>
        <translation>Schritte löschen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Change Journey Settings</source>
        <translation>Journey-Einstellungen ändern</translation>
    </message>
    <message>
        <source>A step has one input: connect the exit to the step&apos;s input.</source>
        <translation>Ein Schritt hat einen Eingang: Verbinden Sie den Ausgang mit dem Eingang des Schritts.</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyLibrary</name>
    <message>
        <source>Saved journeys</source>
        <translation>Gespeicherte Journeys</translation>
    </message>
    <message>
        <source>Double-click a journey to open it</source>
        <translation>Doppelklicken Sie auf eine Journey, um sie zu öffnen</translation>
    </message>
    <message>
        <source>Switch On</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>On: each import moves shoppers along the saved journey</source>
        <translation>Eingeschaltet: Jeder Import bewegt Kunden durch die gespeicherte Journey</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Switch Off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Delete the journey &quot;%1&quot;?</source>
        <translation>Die Journey „%1“ löschen?</translation>
    </message>
    <message>
        <source>%1 shoppers are in it and %2 messages wait in its outbox; they go with it.</source>
        <translation>%1 Kunden sind darin und %2 Nachrichten warten in ihrem Postausgang; sie werden mit gelöscht.</translation>
    </message>
    <message>
        <source>Delete Journey</source>
        <translation>Journey löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is on: each import moves shoppers along it.</source>
        <translation>„%1“ ist eingeschaltet: Jeder Import bewegt Kunden durch sie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is off.</source>
        <translation>„%1“ ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be switched on: %2</source>
        <translation>„%1“ kann nicht eingeschaltet werden: %2</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyListModel</name>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>On since %1: each import moves shoppers along it.</source>
        <translation>Eingeschaltet seit %1: Jeder Import bewegt Kunden durch sie.</translation>
    </message>
    <message>
        <source>Off: imports leave it alone.</source>
        <translation>Ausgeschaltet: Importe lassen sie unberührt.</translation>
    </message>
    <message>
        <source>%1
Last saved %2
%3 shoppers at a step, %4 messages waiting in the outbox</source>
        <translation>%1
Zuletzt gespeichert %2
%3 Kunden in einem Schritt, %4 Nachrichten warten im Postausgang</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Journey</translation>
    </message>
    <message>
        <source>On/Off</source>
        <translation>Ein/Aus</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Darin</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Shoppers at a step now</source>
        <translation>Kunden, die gerade in einem Schritt sind</translation>
    </message>
    <message>
        <source>Messages waiting to be exported</source>
        <translation>Nachrichten, die auf den Export warten</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyMessagePreview</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Anna</source>
        <translation>Anna</translation>
    </message>
    <message>
        <source>Trail shoes, running socks</source>
        <translation>Trailschuhe, Laufsocken</translation>
    </message>
    <message>
        <source>€ 139</source>
        <translation>139 €</translation>
    </message>
    <message>
        <source>e-mail or profile:ID, then Enter</source>
        <translation>E-Mail oder profile:ID, dann Eingabe</translation>
    </message>
    <message>
        <source>Show the message as this shopper of the workspace would read it; empty: sample values</source>
        <translation>Die Nachricht so zeigen, wie dieser Kunde des Arbeitsbereichs sie lesen würde; leer: Beispielwerte</translation>
    </message>
    <message>
        <source>Shopper:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Vorname:</translation>
    </message>
    <message>
        <source>Cart items:</source>
        <translation>Artikel im Warenkorb:</translation>
    </message>
    <message>
        <source>Cart value:</source>
        <translation>Warenkorbwert:</translation>
    </message>
    <message>
        <source>Sample values (change them to try the placeholders):</source>
        <translation>Beispielwerte (ändern Sie sie, um die Platzhalter auszuprobieren):</translation>
    </message>
    <message>
        <source>As %1 would read it:</source>
        <translation>So würde %1 sie lesen:</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyOutboxPanel</name>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write this channel&apos;s waiting messages to a campaign file</source>
        <translation>Die wartenden Nachrichten dieses Kanals in eine Kampagnendatei schreiben</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Select a saved journey on the left to see the messages it scheduled.</source>
        <translation>Wählen Sie links eine gespeicherte Journey, um die eingeplanten Nachrichten zu sehen.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>%1 messages, %2 waiting to be exported.</source>
        <translation>%1 Nachrichten, %2 warten auf den Export.</translation>
    </message>
    <message>
        <source>The newest %1 are shown.</source>
        <translation>Die neuesten %1 werden angezeigt.</translation>
    </message>
    <message>
        <source>No messages yet: a journey fills its outbox once it is switched on and new events are imported.</source>
        <translation>Noch keine Nachrichten: Eine Journey füllt ihren Postausgang, sobald sie eingeschaltet ist und neue Ereignisse importiert werden.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 to %2, step %3, due %4</source>
        <translation>%1 an %2, Schritt %3, fällig %4</translation>
    </message>
    <message>
        <source>the shop&apos;s site</source>
        <translation>die Website des Shops</translation>
    </message>
    <message>
        <source>Offer: %1, code %2</source>
        <translation>Angebot: %1, Code %2</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyPalette</name>
    <message>
        <source>%1. Drag onto the canvas.</source>
        <translation>%1. Auf die Arbeitsfläche ziehen.</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyProperties</name>
    <message>
        <source>No journey open</source>
        <translation>Keine Journey geöffnet</translation>
    </message>
    <message>
        <source>Journey settings</source>
        <translation>Journey-Einstellungen</translation>
    </message>
    <message>
        <source>Select a step on the canvas to change it.</source>
        <translation>Wählen Sie einen Schritt auf der Arbeitsfläche, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>%1 step</source>
        <translation>Schritt „%1“</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Bezeichnung:</translation>
    </message>
    <message>
        <source>Shoppers who get here leave the journey.</source>
        <translation>Kunden, die hier ankommen, verlassen die Journey.</translation>
    </message>
    <message>
        <source>An event type of this workspace, or type an event key</source>
        <translation>Ein Ereignistyp dieses Arbeitsbereichs, oder tippen Sie einen Ereignisschlüssel ein</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>The step&apos;s own rule</source>
        <translation>Eigene Regel des Schritts</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Shoppers who do this leave the journey and count as converted</source>
        <translation>Kunden, die dies tun, verlassen die Journey und zählen als konvertiert</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Frequency cap: at most</source>
        <translation>Häufigkeitsgrenze: höchstens</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00 Uhr</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>The quiet hours&apos; time zone for shoppers without one of their own, e.g. Europe/Berlin</source>
        <translation>Die Zeitzone der Ruhezeit für Kunden ohne eigene Zeitzone, z. B. Europe/Berlin</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>The same seed puts each shopper in the same split path</source>
        <translation>Derselbe Startwert teilt jeden Kunden demselben Pfad zu</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>Zufallsstartwert:</translation>
    </message>
    <message>
        <source>When they do something</source>
        <translation>Wenn sie etwas tun</translation>
    </message>
    <message>
        <source>When they join a segment</source>
        <translation>Wenn sie in ein Segment kommen</translation>
    </message>
    <message>
        <source>Shoppers enter:</source>
        <translation>Kunden steigen ein:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <source>Only members of this segment enter</source>
        <translation>Nur Mitglieder dieses Segments steigen ein</translation>
    </message>
    <message>
        <source>Only shoppers in:</source>
        <translation>Nur Kunden in:</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <source>Every time</source>
        <translation>Jedes Mal</translation>
    </message>
    <message>
        <source>Again after some days</source>
        <translation>Wieder nach einigen Tagen</translation>
    </message>
    <message>
        <source>Re-entry:</source>
        <translation>Erneuter Einstieg:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <source>then do not</source>
        <translation>dann nicht</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>within</source>
        <translation>innerhalb von</translation>
    </message>
    <message>
        <source>For a time</source>
        <translation>Eine Zeit lang</translation>
    </message>
    <message>
        <source>Until a time of day</source>
        <translation>Bis zu einer Uhrzeit</translation>
    </message>
    <message>
        <source>Wait:</source>
        <translation>Warten:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>No day ticked: any day. In the shopper&apos;s time zone.</source>
        <translation>Kein Tag angehakt: an jedem Tag. In der Zeitzone des Kunden.</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Tage:</translation>
    </message>
    <message>
        <source>and hours:</source>
        <translation>und Stunden:</translation>
    </message>
    <message>
        <source>Until the shopper:</source>
        <translation>Bis der Kunde:</translation>
    </message>
    <message>
        <source>in the same cart</source>
        <translation>im selben Warenkorb</translation>
    </message>
    <message>
        <source>for the same order</source>
        <translation>für dieselbe Bestellung</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <source>This branch decides by rules of its own (%1); choosing a saved segment replaces them with yes/no.</source>
        <translation>Diese Verzweigung entscheidet nach eigenen Regeln (%1); ein gespeichertes Segment ersetzt sie durch ja/nein.</translation>
    </message>
    <message>
        <source>The step&apos;s own rules</source>
        <translation>Eigene Regeln des Schritts</translation>
    </message>
    <message>
        <source>Members go out through &quot;yes&quot;, everyone else through &quot;no&quot;</source>
        <translation>Mitglieder gehen über „ja“ hinaus, alle anderen über „nein“</translation>
    </message>
    <message>
        <source>Save segments in the Segments area to branch on them.</source>
        <translation>Speichern Sie Segmente im Bereich „Segmente“, um nach ihnen zu verzweigen.</translation>
    </message>
    <message>
        <source>The exit&apos;s name</source>
        <translation>Der Name des Ausgangs</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>holdout</source>
        <translation>Kontrollgruppe</translation>
    </message>
    <message>
        <source>Shoppers on this path receive no message</source>
        <translation>Kunden auf diesem Pfad erhalten keine Nachricht</translation>
    </message>
    <message>
        <source>Remove this path</source>
        <translation>Diesen Pfad entfernen</translation>
    </message>
    <message>
        <source>Path %1:</source>
        <translation>Pfad %1:</translation>
    </message>
    <message>
        <source>Together: %1 %</source>
        <translation>Zusammen: %1 %</translation>
    </message>
    <message>
        <source>Add Path</source>
        <translation>Pfad hinzufügen</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Placeholders: {{first_name}}, {{cart.items}}, {{cart.value}}; a fallback after a bar: {{first_name|there}}</source>
        <translation>Platzhalter: {{first_name}}, {{cart.items}}, {{cart.value}}; ein Ersatz nach einem Strich: {{first_name|there}}</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Kein Angebot</translation>
    </message>
    <message>
        <source>Discount (percent)</source>
        <translation>Rabatt (Prozent)</translation>
    </message>
    <message>
        <source>Loyalty reward (value)</source>
        <translation>Treueprämie (Wert)</translation>
    </message>
    <message>
        <source>Offer:</source>
        <translation>Angebot:</translation>
    </message>
    <message>
        <source>5 € voucher</source>
        <translation>5-€-Gutschein</translation>
    </message>
    <message>
        <source>Each X becomes a random letter or digit</source>
        <translation>Jedes X wird ein zufälliger Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Rabatt:</translation>
    </message>
    <message>
        <source>Code pattern:</source>
        <translation>Code-Muster:</translation>
    </message>
    <message>
        <source>Reward value:</source>
        <translation>Wert der Prämie:</translation>
    </message>
    <message>
        <source>Reward:</source>
        <translation>Prämie:</translation>
    </message>
    <message>
        <source>Set tag:</source>
        <translation>Tag setzen:</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Ruhezeit</translation>
    </message>
    <message>
        <source>No e-mail, push or SMS goes out in these hours of the shopper&apos;s day; it waits until they end</source>
        <translation>In diesen Stunden des Tages (beim Kunden) geht keine E-Mail, Push-Nachricht oder SMS hinaus; sie wartet bis zum Ende</translation>
    </message>
    <message>
        <source>messages in</source>
        <translation>Nachrichten in</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Start with New, a template or a saved journey.</source>
        <translation>Beginnen Sie mit „Neu“, einer Vorlage oder einer gespeicherten Journey.</translation>
    </message>
    <message>
        <source>Shoppers in a saved segment</source>
        <translation>Kunden in einem gespeicherten Segment</translation>
    </message>
    <message>
        <source>Shoppers who meet a condition</source>
        <translation>Kunden, die eine Bedingung erfüllen</translation>
    </message>
    <message>
        <source>Yes for:</source>
        <translation>Ja für:</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyResultsPanel</name>
    <message>
        <source>Entered:</source>
        <translation>Eingestiegen:</translation>
    </message>
    <message>
        <source>In the journey now:</source>
        <translation>Jetzt in der Journey:</translation>
    </message>
    <message>
        <source>Reached the goal:</source>
        <translation>Ziel erreicht:</translation>
    </message>
    <message>
        <source>Revenue while in the journey:</source>
        <translation>Umsatz während der Journey:</translation>
    </message>
    <message>
        <source>Offer cost:</source>
        <translation>Kosten der Angebote:</translation>
    </message>
    <message>
        <source>Messages waiting for export:</source>
        <translation>Nachrichten warten auf den Export:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Keine Einwilligung</translation>
    </message>
    <message>
        <source>Capped</source>
        <translation>Über Limit</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Over the journey&apos;s frequency cap</source>
        <translation>Über dem Versandlimit der Journey</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Save the journey and switch it on to see what it does with each import: who entered, the messages it scheduled, and how those who got them compare with its holdout.</source>
        <translation>Speichern Sie die Journey und schalten Sie sie ein, um zu sehen, was sie mit jedem Import tut: wer eingestiegen ist, welche Nachrichten sie eingeplant hat und wie die Empfänger im Vergleich zur Kontrollgruppe abschneiden.</translation>
    </message>
    <message>
        <source>Reading the journey&apos;s results…</source>
        <translation>Die Ergebnisse der Journey werden gelesen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;On&lt;/b&gt; since %1. Each import moves its shoppers on; the store&apos;s data has taken it up to %2.</source>
        <translation>&lt;b&gt;An&lt;/b&gt; seit %1. Jeder Import führt ihre Kunden weiter; die Daten des Shops reichen bis %2.</translation>
    </message>
    <message>
        <source>the newest event</source>
        <translation>zum neuesten Ereignis</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off&lt;/b&gt;: imports leave it alone; its %1 shoppers keep their place until it is switched on again.</source>
        <translation>&lt;b&gt;Aus&lt;/b&gt;: Importe lassen sie unberührt; ihre %1 Kunden behalten ihren Platz, bis sie wieder eingeschaltet wird.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off&lt;/b&gt;: never switched on yet. Switch it on to run it with every import from now on.</source>
        <translation>&lt;b&gt;Aus&lt;/b&gt;: noch nie eingeschaltet. Schalten Sie sie ein, damit sie ab jetzt mit jedem Import läuft.</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lift&lt;/b&gt;: needs shoppers who got messages and shoppers held out (a split with a holdout arm). So far: %1 messaged, %2 held out.</source>
        <translation>&lt;b&gt;Wirkung&lt;/b&gt;: braucht Kunden mit Nachrichten und zurückgehaltene Kunden (eine Aufteilung mit Kontrollgruppe). Bisher: %1 mit Nachricht, %2 zurückgehalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lift&lt;/b&gt;: of the shoppers who got messages, %1 of %2 reached the goal (%3 %); of the holdout, %4 of %5 (%6 %). Difference: %7 percentage points (95 % interval %8 to %9): %10</source>
        <translation>&lt;b&gt;Wirkung&lt;/b&gt;: von den Kunden mit Nachrichten haben %1 von %2 das Ziel erreicht (%3 %); von der Kontrollgruppe %4 von %5 (%6 %). Unterschied: %7 Prozentpunkte (95-%-Intervall %8 bis %9): %10</translation>
    </message>
    <message>
        <source>the messages made a difference.</source>
        <translation>die Nachrichten haben etwas bewirkt.</translation>
    </message>
    <message>
        <source>not distinguishable from chance yet.</source>
        <translation>noch nicht vom Zufall zu unterscheiden.</translation>
    </message>
    <message>
        <source>The results cannot be read: %1</source>
        <translation>Die Ergebnisse können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyScene</name>
    <message>
        <source>Paste Step</source>
        <translation>Schritt einfügen</translation>
    </message>
    <message>
        <source>Paste Steps</source>
        <translation>Schritte einfügen</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <source>Move Step</source>
        <translation>Schritt verschieben</translation>
    </message>
    <message>
        <source>Move Steps</source>
        <translation>Schritte verschieben</translation>
    </message>
    <message>
        <source>Connect an exit to the input on the left of a step.</source>
        <translation>Verbinden Sie einen Ausgang mit dem Eingang links an einem Schritt.</translation>
    </message>
</context>
<context>
    <name>clientele::JourneySimulationPanel</name>
    <message>
        <source>Replays the journey over the store&apos;s real history: who would have entered, where they went and who ordered.</source>
        <translation>Spielt die Journey über die echte Geschichte des Shops ab: wer eingestiegen wäre, wohin die Kunden gingen und wer bestellt hat.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>Bis (einschließlich):</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulieren</translation>
    </message>
    <message>
        <source>Replay the journey over the chosen days</source>
        <translation>Die Journey über die gewählten Tage abspielen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Simulation cancelled.</source>
        <translation>Simulation abgebrochen.</translation>
    </message>
    <message>
        <source>The simulation failed: %1</source>
        <translation>Die Simulation ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The journey changed: simulate again for new counts.</source>
        <translation>Die Journey hat sich geändert: Simulieren Sie erneut für neue Zahlen.</translation>
    </message>
    <message>
        <source>Fix the journey&apos;s problems first: %1</source>
        <translation>Beheben Sie zuerst die Probleme der Journey: %1</translation>
    </message>
    <message>
        <source>The first day must come before the last.</source>
        <translation>Der erste Tag muss vor dem letzten liegen.</translation>
    </message>
    <message>
        <source>Replaying shoppers…</source>
        <translation>Kunden werden durchgespielt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Simulated %1 to %2.</source>
        <translation>Simuliert vom %1 bis %2.</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2 sent&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2 gesendet&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td colspan=2&gt;No sends&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td colspan=2&gt;Keine Sendungen&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=3&gt;&lt;tr&gt;&lt;td&gt;Entered&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Shoppers&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Conversions&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%3&lt;/b&gt; (%4 %)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Revenue&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Offer cost&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Skipped for consent&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Still in journey&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%8&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;&lt;b&gt;Sends per channel&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=3&gt;%9&lt;/table&gt;&lt;p&gt;Baseline: the conversions are what shoppers ordered without any message (history has no sends of this journey).&lt;/p&gt;</source>
        <translation>&lt;table cellspacing=3&gt;&lt;tr&gt;&lt;td&gt;Eingestiegen&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Kunden&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Konversionen&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%3&lt;/b&gt; (%4 %)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Umsatz&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%5&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Angebotskosten&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Übersprungen (Einwilligung)&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Noch in der Journey&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%8&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;&lt;b&gt;Sendungen je Kanal&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=3&gt;%9&lt;/table&gt;&lt;p&gt;Basislinie: Die Konversionen sind das, was Kunden ohne jede Nachricht bestellt haben (die Geschichte enthält keine Sendungen dieser Journey).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>clientele::JourneyView</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>clientele::JourneysPage</name>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulieren</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>A blank journey with an Entry and an Exit</source>
        <translation>Eine leere Journey mit Einstieg und Ausstieg</translation>
    </message>
    <message>
        <source>New from Template</source>
        <translation>Neu aus Vorlage</translation>
    </message>
    <message>
        <source>Cart recovery</source>
        <translation>Warenkorb-Erinnerung</translation>
    </message>
    <message>
        <source>E-mail, then push or an on-site banner, with a 10 % holdout</source>
        <translation>E-Mail, dann Push-Nachricht oder Banner im Shop, mit 10 % Kontrollgruppe</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the journey in the workspace (Ctrl+S)</source>
        <translation>Die Journey im Arbeitsbereich speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Journey as JSON…</source>
        <translation>Journey als JSON…</translation>
    </message>
    <message>
        <source>Canvas as PNG…</source>
        <translation>Arbeitsfläche als PNG…</translation>
    </message>
    <message>
        <source>Canvas as SVG…</source>
        <translation>Arbeitsfläche als SVG…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <source>Lay the steps out from left to right</source>
        <translation>Die Schritte von links nach rechts anordnen</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>Einrasten</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Verkleinern (Strg+Mausrad)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Vergrößern (Strg+Mausrad)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole journey</source>
        <translation>Die ganze Journey zeigen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Design a journey</source>
        <translation>Eine Journey gestalten</translation>
    </message>
    <message>
        <source>Start from Cart Recovery</source>
        <translation>Mit Warenkorb-Erinnerung beginnen</translation>
    </message>
    <message>
        <source>New Blank Journey</source>
        <translation>Neue leere Journey</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The journey shown has changes. Replace it anyway?</source>
        <translation>Die angezeigte Journey hat Änderungen. Trotzdem ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Give the journey a name in its settings before saving it.</source>
        <translation>Geben Sie der Journey in ihren Einstellungen einen Namen, bevor Sie sie speichern.</translation>
    </message>
    <message>
        <source>Save Journey</source>
        <translation>Journey speichern</translation>
    </message>
    <message>
        <source>A journey called &quot;%1&quot; is saved already. Replace it?</source>
        <translation>Eine Journey namens „%1“ ist schon gespeichert. Ersetzen?</translation>
    </message>
    <message>
        <source>No shopper is known as %1</source>
        <translation>Kein Kunde ist als %1 bekannt</translation>
    </message>
    <message>
        <source>shopper %1 (profile %2)</source>
        <translation>Kunde %1 (Profil %2)</translation>
    </message>
    <message>
        <source>New journey</source>
        <translation>Neue Journey</translation>
    </message>
    <message>
        <source>Import Journey</source>
        <translation>Journey importieren</translation>
    </message>
    <message>
        <source>Journeys (%1);;All files (*)</source>
        <translation>Journeys (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a journey: %2</source>
        <translation>%1 ist keine Journey: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export Journey</source>
        <translation>Journey exportieren</translation>
    </message>
    <message>
        <source>Journeys (%1)</source>
        <translation>Journeys (%1)</translation>
    </message>
    <message>
        <source>Export Canvas</source>
        <translation>Arbeitsfläche exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>No problems: the journey can be simulated.</source>
        <translation>Keine Probleme: Die Journey kann simuliert werden.</translation>
    </message>
    <message>
        <source>A journey guides shoppers through messages: it starts when they do something (leave a full cart), waits, checks what they did, and sends an e-mail, a push or a banner.&lt;br&gt;&lt;br&gt;Open a saved journey on the left (double-click), start with the &lt;b&gt;Cart recovery&lt;/b&gt; template to see one working and simulate it on your store&apos;s history, or start blank and drag steps from the left onto the canvas.</source>
        <translation>Eine Journey führt Kunden mit Nachrichten: Sie beginnt, wenn sie etwas tun (einen vollen Warenkorb verlassen), wartet, prüft, was sie getan haben, und sendet eine E-Mail, eine Push-Nachricht oder ein Banner.&lt;br&gt;&lt;br&gt;Öffnen Sie links eine gespeicherte Journey (Doppelklick), beginnen Sie mit der Vorlage &lt;b&gt;Warenkorb-Erinnerung&lt;/b&gt;, um eine funktionierende Journey zu sehen und auf der Geschichte Ihres Shops zu simulieren, oder beginnen Sie leer und ziehen Sie Schritte von links auf die Arbeitsfläche.</translation>
    </message>
    <message>
        <source>The journey &quot;%1&quot; has changes that are not saved. Leave it anyway?</source>
        <translation>Die Journey „%1“ hat Änderungen, die nicht gespeichert sind. Trotzdem verlassen?</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>%1 — not saved yet</source>
        <translation>%1 – noch nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 — changes not saved</source>
        <translation>%1 – Änderungen nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 — saved</source>
        <translation>%1 – gespeichert</translation>
    </message>
    <message>
        <source>Drag a step onto the canvas, then drag from an exit (right) to the next step&apos;s input (left). Ctrl+wheel zooms; drag with the middle button or hold Space to move the canvas.</source>
        <translation>Ziehen Sie einen Schritt auf die Arbeitsfläche, dann von einem Ausgang (rechts) zum Eingang (links) des nächsten Schritts. Strg+Mausrad zoomt; mit der mittleren Maustaste oder bei gedrückter Leertaste verschieben Sie die Arbeitsfläche.</translation>
    </message>
    <message>
        <source>Simulate…</source>
        <translation>Simulieren…</translation>
    </message>
    <message>
        <source>Replay the journey over the store&apos;s history (the window is in the Simulate panel)</source>
        <translation>Die Journey über die Geschichte des Shops abspielen (den Zeitraum wählen Sie im Bereich „Simulieren“)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Shoppers at the Selected Step…</source>
        <translation>Kunden am ausgewählten Schritt…</translation>
    </message>
    <message>
        <source>Save the journey first: the shoppers at a step are those of a saved journey that runs.</source>
        <translation>Speichern Sie die Journey zuerst: die Kunden an einem Schritt sind die einer gespeicherten, laufenden Journey.</translation>
    </message>
    <message>
        <source>Opens the Export area with the shoppers now at the selected step.</source>
        <translation>Öffnet den Bereich Export mit den Kunden, die jetzt am ausgewählten Schritt sind.</translation>
    </message>
</context>
<context>
    <name>clientele::MainWindow</name>
    <message>
        <source>Clientele</source>
        <translation>Clientele</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Key figures of the workspace</source>
        <translation>Kennzahlen des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Clientele</source>
        <translation>Ü&amp;ber Clientele</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>%1 – Clientele</source>
        <translation>%1 – Clientele</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Welcome to Clientele</source>
        <translation>Willkommen bei Clientele</translation>
    </message>
    <message>
        <source>Creating a demo store so that you can explore Clientele…</source>
        <translation>Ein Demo-Shop wird angelegt, damit Sie Clientele erkunden können…</translation>
    </message>
    <message>
        <source>The demo store was not created. Use File › New Workspace or File › Open Workspace to start.</source>
        <translation>Der Demo-Shop wurde nicht angelegt. Beginnen Sie mit Datei › Neuer Arbeitsbereich oder Datei › Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>My Store.clientele</source>
        <translation>Mein Shop.clientele</translation>
    </message>
    <message>
        <source>Clientele workspaces (%1)</source>
        <translation>Clientele-Arbeitsbereiche (%1)</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or open it with File › Open Workspace.</source>
        <translation>%1 existiert bereits. Wählen Sie einen anderen Namen oder öffnen Sie die Datei mit Datei › Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>Clientele workspaces (%1);;All files (*)</source>
        <translation>Clientele-Arbeitsbereiche (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Demo Store</source>
        <translation>Demo-Shop</translation>
    </message>
    <message>
        <source>Filling the workspace with the demo store…</source>
        <translation>Der Arbeitsbereich wird mit dem Demo-Shop gefüllt…</translation>
    </message>
    <message>
        <source>About Clientele</source>
        <translation>Über Clientele</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Clientele %1&lt;/h3&gt;&lt;p&gt;A customer-data workbench for online stores: one profile per real shopper across web, app, store, email and support, kept in a local workspace file.&lt;/p&gt;&lt;p&gt;Workspace format %2 · SQLite %3 · Qt %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Clientele %1&lt;/h3&gt;&lt;p&gt;Eine Kundendaten-Werkbank für Online-Shops: ein Profil pro echtem Kunden über Web, App, Filiale, E-Mail und Kundenservice hinweg, gespeichert in einer lokalen Arbeitsbereichsdatei.&lt;/p&gt;&lt;p&gt;Arbeitsbereichsformat %2 · SQLite %3 · Qt %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Shoppers: %1</source>
        <translation>Kunden: %1</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Every shopper, their profile and timeline</source>
        <translation>Alle Kunden mit Profil und Verlauf</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Groups of shoppers described by rules, counted as you build them</source>
        <translation>Kundengruppen, durch Regeln beschrieben und schon beim Erstellen gezählt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Campaign files for email tools and ad platforms</source>
        <translation>Kampagnendateien für E-Mail-Tools und Werbeplattformen</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>Journeys</translation>
    </message>
    <message>
        <source>Automated messages as a graph of steps, simulated on the store&apos;s history</source>
        <translation>Automatische Nachrichten als Graph von Schritten, simuliert auf der Geschichte des Shops</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Who is likely to order again, when, and what they will spend in the next 12 months</source>
        <translation>Wer voraussichtlich wieder bestellt, wann, und was er in den nächsten 12 Monaten ausgeben wird</translation>
    </message>
    <message>
        <source>Updating Predictions</source>
        <translation>Vorhersagen aktualisieren</translation>
    </message>
    <message>
        <source>Updating the predictions with the imported orders…</source>
        <translation>Die Vorhersagen werden mit den importierten Bestellungen aktualisiert…</translation>
    </message>
    <message>
        <source>The import is complete, but the predictions could not be updated: %1</source>
        <translation>Der Import ist abgeschlossen, aber die Vorhersagen konnten nicht aktualisiert werden: %1</translation>
    </message>
</context>
<context>
    <name>clientele::MergeWithDialog</name>
    <message>
        <source>Merge With Another Shopper</source>
        <translation>Mit anderem Kunden zusammenführen</translation>
    </message>
    <message>
        <source>Find the profile that is the same person as %1. Its identifiers and events will join this profile.</source>
        <translation>Suchen Sie das Profil, hinter dem dieselbe Person steht wie hinter %1. Seine Kennungen und Ereignisse werden in dieses Profil übernommen.</translation>
    </message>
    <message>
        <source>Name, email, phone, customer ID or loyalty card</source>
        <translation>Name, E-Mail, Telefon, Kundennummer oder Kundenkarte</translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation>Geben Sie einen Suchbegriff ein.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No other shopper matches “%1”.</source>
        <translation>Kein anderer Kunde passt zu „%1“.</translation>
    </message>
    <message>
        <source>Choose the shopper to merge with.</source>
        <translation>Wählen Sie den Kunden, mit dem zusammengeführt werden soll.</translation>
    </message>
</context>
<context>
    <name>clientele::OverviewPage</name>
    <message>
        <source>This workspace has no shoppers yet</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Kunden</translation>
    </message>
    <message>
        <source>Fill with Demo Data</source>
        <translation>Mit Demodaten füllen</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Shoppers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Known shoppers</source>
        <translation>Bekannte Kunden</translation>
    </message>
    <message>
        <source>Anonymous visitors</source>
        <translation>Anonyme Besucher</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Reading the workspace…</source>
        <translation>Der Arbeitsbereich wird gelesen…</translation>
    </message>
    <message>
        <source>The workspace could not be read: %1</source>
        <translation>Der Arbeitsbereich konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Activity from %1 to %2</source>
        <translation>Aktivität vom %1 bis %2</translation>
    </message>
    <message>
        <source>No activity recorded yet</source>
        <translation>Noch keine Aktivität erfasst</translation>
    </message>
    <message>
        <source>Revenue by month (%1)</source>
        <translation>Umsatz pro Monat (%1)</translation>
    </message>
    <message>
        <source>Events by channel</source>
        <translation>Ereignisse nach Kanal</translation>
    </message>
    <message>
        <source>Revenue by month, %1 – %2 (%3)</source>
        <translation>Umsatz pro Monat, %1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Import your store&apos;s data — an events file, an order export — to see your shoppers here. Or, to see what Clientele shows for a living store first, fill it with the demo store: a running and outdoor shop with a year of shoppers, orders, carts, emails and store visits.</source>
        <translation>Importieren Sie die Daten Ihres Shops – eine Ereignisdatei, einen Bestellexport –, um Ihre Kunden hier zu sehen. Oder füllen Sie den Arbeitsbereich mit dem Demo-Shop, um zuerst zu sehen, was Clientele für einen lebendigen Shop zeigt: ein Lauf- und Outdoor-Geschäft mit einem Jahr an Kunden, Bestellungen, Warenkörben, E-Mails und Filialbesuchen.</translation>
    </message>
    <message>
        <source>Import a File…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>&lt;b&gt;You are looking at demo data.&lt;/b&gt; Every shopper in this workspace was generated by Clientele to show what it does. To work with your own store, create a workspace of your own with &lt;i&gt;File › New Workspace&lt;/i&gt; and bring in your data with &lt;i&gt;File › Import&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Sie sehen Demodaten.&lt;/b&gt; Alle Kunden in diesem Arbeitsbereich wurden von Clientele erzeugt, um zu zeigen, was es kann. Um mit Ihrem eigenen Shop zu arbeiten, legen Sie mit &lt;i&gt;Datei › Neuer Arbeitsbereich&lt;/i&gt; einen eigenen Arbeitsbereich an und übernehmen Sie Ihre Daten mit &lt;i&gt;Datei › Importieren&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No buyers yet.&lt;/b&gt;&lt;br&gt;Customer groups by recency, frequency and value (RFM) appear here once shoppers have completed orders.</source>
        <translation>&lt;b&gt;Noch keine Käufer.&lt;/b&gt;&lt;br&gt;Kundengruppen nach Aktualität, Häufigkeit und Wert (RFM) erscheinen hier, sobald Kunden Bestellungen abgeschlossen haben.</translation>
    </message>
    <message>
        <source>Buyers by RFM group (%L1)</source>
        <translation>Käufer nach RFM-Gruppe (%L1)</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>Käufer</translation>
    </message>
</context>
<context>
    <name>clientele::PredictionsPage</name>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Fit Predictions</source>
        <translation>Vorhersagen berechnen</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Refit</source>
        <translation>Neu berechnen</translation>
    </message>
    <message>
        <source>Fit the models again on every completed order (runs in the background; you can cancel it)</source>
        <translation>Die Modelle noch einmal mit allen abgeschlossenen Bestellungen berechnen (läuft im Hintergrund und lässt sich abbrechen)</translation>
    </message>
    <message>
        <source>How well the model predicts</source>
        <translation>Wie gut das Modell vorhersagt</translation>
    </message>
    <message>
        <source>Checking the model against the store&apos;s own history…</source>
        <translation>Das Modell wird an der eigenen Geschichte des Shops geprüft…</translation>
    </message>
    <message>
        <source>Repeat orders predicted</source>
        <translation>Vorhergesagte Wiederholungskäufe</translation>
    </message>
    <message>
        <source>Repeat orders placed</source>
        <translation>Getätigte Wiederholungskäufe</translation>
    </message>
    <message>
        <source>Mean error per shopper</source>
        <translation>Mittlerer Fehler je Kunde</translation>
    </message>
    <message>
        <source>The mean absolute difference between a shopper&apos;s predicted and actual repeat orders</source>
        <translation>Die mittlere absolute Abweichung zwischen vorhergesagten und tatsächlichen Wiederholungskäufen eines Kunden</translation>
    </message>
    <message>
        <source>The fitted models</source>
        <translation>Die berechneten Modelle</translation>
    </message>
    <message>
        <source>BG/NBD: when shoppers buy and when they drop out</source>
        <translation>BG/NBD: wann Kunden kaufen und wann sie abspringen</translation>
    </message>
    <message>
        <source>r, α</source>
        <translation>r, α</translation>
    </message>
    <message>
        <source>a, b</source>
        <translation>a, b</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>Log-Likelihood</translation>
    </message>
    <message>
        <source>Pareto/NBD: the same question, another model</source>
        <translation>Pareto/NBD: dieselbe Frage, ein anderes Modell</translation>
    </message>
    <message>
        <source>s, β</source>
        <translation>s, β</translation>
    </message>
    <message>
        <source>Gamma-Gamma: how much shoppers spend per order</source>
        <translation>Gamma-Gamma: wie viel Kunden je Bestellung ausgeben</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>q, γ</source>
        <translation>q, γ</translation>
    </message>
    <message>
        <source>History up to:</source>
        <translation>Verlauf bis:</translation>
    </message>
    <message>
        <source>Fitted:</source>
        <translation>Berechnet:</translation>
    </message>
    <message>
        <source>Shoppers with orders:</source>
        <translation>Kunden mit Bestellungen:</translation>
    </message>
    <message>
        <source>With repeat orders:</source>
        <translation>Mit Wiederholungskäufen:</translation>
    </message>
    <message>
        <source>Orders read:</source>
        <translation>Gelesene Bestellungen:</translation>
    </message>
    <message>
        <source>Time unit:</source>
        <translation>Zeiteinheit:</translation>
    </message>
    <message>
        <source>Discount rate:</source>
        <translation>Abzinsung:</translation>
    </message>
    <message>
        <source>Products with a usual rebuy interval:</source>
        <translation>Produkte mit üblichem Nachkaufabstand:</translation>
    </message>
    <message>
        <source>Predicted value and churn risk</source>
        <translation>Vorhergesagter Wert und Abwanderungsrisiko</translation>
    </message>
    <message>
        <source>Reading the predictions…</source>
        <translation>Die Vorhersagen werden gelesen…</translation>
    </message>
    <message>
        <source>The predictions could not be read: %1</source>
        <translation>Die Vorhersagen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Fitting the purchase models to every buyer&apos;s orders…</source>
        <translation>Die Kaufmodelle werden an die Bestellungen aller Käufer angepasst…</translation>
    </message>
    <message>
        <source>Refit cancelled: the predictions are as they were.</source>
        <translation>Neuberechnung abgebrochen: Die Vorhersagen sind unverändert.</translation>
    </message>
    <message>
        <source>Fitting cancelled: nothing was stored.</source>
        <translation>Berechnung abgebrochen: Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The models could not be fitted: %1</source>
        <translation>Die Modelle konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>The models were not fitted again: %1 The predictions are as they were.</source>
        <translation>Die Modelle wurden nicht neu berechnet: %1 Die Vorhersagen sind unverändert.</translation>
    </message>
    <message>
        <source>No predictions yet</source>
        <translation>Noch keine Vorhersagen</translation>
    </message>
    <message>
        <source>Clientele can predict for every buyer when they are likely to order again, how likely they are still active and what they will spend in the next 12 months, from the store&apos;s completed orders. Fitting the models reads every order; on a large store it takes a little while, and you can cancel it.</source>
        <translation>Clientele kann für jeden Käufer vorhersagen, wann er voraussichtlich wieder bestellt, wie wahrscheinlich er noch aktiv ist und was er in den nächsten 12 Monaten ausgeben wird – aus den abgeschlossenen Bestellungen des Shops. Die Berechnung liest jede Bestellung; bei einem großen Shop dauert sie eine Weile und lässt sich abbrechen.</translation>
    </message>
    <message>
        <source>Too little data for predictions</source>
        <translation>Zu wenige Daten für Vorhersagen</translation>
    </message>
    <message>
        <source>%1

Predictions need at least %L2 shoppers who ordered again on a later day. Import more of the store&apos;s order history, then try again.</source>
        <translation>%1

Vorhersagen brauchen mindestens %L2 Kunden, die an einem späteren Tag erneut bestellt haben. Importieren Sie mehr von der Bestellhistorie des Shops und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Fitted on %1 on the orders up to %2: %L3 shoppers with orders, %L4 of them with repeat orders. Every buyer&apos;s predictions are kept with their profile, for segments and exports.</source>
        <translation>Berechnet am %1 aus den Bestellungen bis %2: %L3 Kunden mit Bestellungen, davon %L4 mit Wiederholungskäufen. Die Vorhersagen jedes Käufers werden bei seinem Profil gespeichert und stehen Segmenten und Exporten zur Verfügung.</translation>
    </message>
    <message>
        <source>The model could not be checked against the store&apos;s history: %1</source>
        <translation>Das Modell konnte nicht an der Geschichte des Shops geprüft werden: %1</translation>
    </message>
    <message>
        <source>To show how far the predictions can be trusted, Clientele fitted the model on the orders up to %1 only and predicted the repeat orders of those %L2 shoppers from then until %3. The charts compare that forecast with what they really did.</source>
        <translation>Um zu zeigen, wie weit man den Vorhersagen trauen kann, hat Clientele das Modell nur mit den Bestellungen bis %1 berechnet und die Wiederholungskäufe dieser %L2 Kunden von da an bis %3 vorhergesagt. Die Diagramme vergleichen diese Vorhersage mit dem, was die Kunden tatsächlich getan haben.</translation>
    </message>
    <message>
        <source>Repeat orders per shopper</source>
        <translation>Wiederholungskäufe je Kunde</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>Repeat orders up to %1</source>
        <translation>Wiederholungskäufe bis %1</translation>
    </message>
    <message>
        <source>Per shopper</source>
        <translation>Je Kunde</translation>
    </message>
    <message>
        <source>Repeat orders week by week</source>
        <translation>Wiederholungskäufe Woche für Woche</translation>
    </message>
    <message>
        <source>Weeks after %1</source>
        <translation>Wochen nach %1</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Kumuliert</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>How often shoppers buy while they are active: shape and scale of the buying rate (α in %1)</source>
        <translation>Wie oft Kunden kaufen, solange sie aktiv sind: Form und Skala der Kaufrate (α in %1)</translation>
    </message>
    <message>
        <source>How likely a shopper is to drop out after an order: shape of that chance across shoppers</source>
        <translation>Wie wahrscheinlich ein Kunde nach einer Bestellung abspringt: Form dieser Wahrscheinlichkeit über alle Kunden</translation>
    </message>
    <message>
        <source>How well the model explains the history: the higher, the better</source>
        <translation>Wie gut das Modell die Geschichte erklärt: je höher, desto besser</translation>
    </message>
    <message>
        <source>How often shoppers buy while they are active: shape and scale (α in %1)</source>
        <translation>Wie oft Kunden kaufen, solange sie aktiv sind: Form und Skala (α in %1)</translation>
    </message>
    <message>
        <source>How long shoppers stay active: shape and scale of the dropout rate (β in %1)</source>
        <translation>Wie lange Kunden aktiv bleiben: Form und Skala der Abwanderungsrate (β in %1)</translation>
    </message>
    <message>
        <source>Beside BG/NBD&apos;s %1: Pareto/NBD explains this history a little better; the predictions use BG/NBD</source>
        <translation>Neben %1 von BG/NBD: Pareto/NBD erklärt diese Geschichte etwas besser; die Vorhersagen verwenden BG/NBD</translation>
    </message>
    <message>
        <source>Beside BG/NBD&apos;s %1: BG/NBD, which the predictions use, explains this history as well or better</source>
        <translation>Neben %1 von BG/NBD: BG/NBD, das die Vorhersagen verwenden, erklärt diese Geschichte ebenso gut oder besser</translation>
    </message>
    <message>
        <source>Not fitted (it is only a comparison for BG/NBD)</source>
        <translation>Nicht berechnet (es dient nur zum Vergleich mit BG/NBD)</translation>
    </message>
    <message>
        <source>How much one shopper&apos;s order values vary around their own average</source>
        <translation>Wie stark die Bestellwerte eines Kunden um seinen eigenen Durchschnitt schwanken</translation>
    </message>
    <message>
        <source>How typical order values differ between shoppers: shape and scale (γ in %1)</source>
        <translation>Wie sich typische Bestellwerte zwischen Kunden unterscheiden: Form und Skala (γ in %1)</translation>
    </message>
    <message>
        <source>%1; an average repeat order: %2</source>
        <translation>%1; eine durchschnittliche Wiederholungsbestellung: %2</translation>
    </message>
    <message>
        <source>Not fitted: order values did not fit the model, so predicted value uses each shopper&apos;s own average</source>
        <translation>Nicht berechnet: Die Bestellwerte passten nicht zum Modell, daher verwendet der vorhergesagte Wert den eigenen Durchschnitt jedes Kunden</translation>
    </message>
    <message>
        <source>%1 a year</source>
        <translation>%1 pro Jahr</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Together, the shoppers are predicted to spend %1 in the next 12 months.</source>
        <translation>Zusammen werden die Kunden in den nächsten 12 Monaten voraussichtlich %1 ausgeben.</translation>
    </message>
    <message>
        <source>Shoppers by predicted value, next 12 months</source>
        <translation>Kunden nach vorhergesagtem Wert, nächste 12 Monate</translation>
    </message>
    <message>
        <source>Shoppers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Shoppers by churn risk</source>
        <translation>Kunden nach Abwanderungsrisiko</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>more</source>
        <translation>mehr</translation>
    </message>
    <message>
        <source>Predicted value up to</source>
        <translation>Vorhergesagter Wert bis</translation>
    </message>
</context>
<context>
    <name>clientele::ProductPicker</name>
    <message>
        <source>Choose a Product</source>
        <translation>Produkt wählen</translation>
    </message>
    <message>
        <source>Search by name or SKU</source>
        <translation>Nach Name oder Artikelnummer suchen</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>wird gesucht…</translation>
    </message>
    <message>
        <source>The catalogue could not be read: %1</source>
        <translation>Der Katalog konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No product matches.</source>
        <translation>Kein Produkt passt.</translation>
    </message>
    <message>
        <source>1 product</source>
        <translation>1 Produkt</translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>%1 Produkte</translation>
    </message>
</context>
<context>
    <name>clientele::ProfilePage</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Kundenkarte</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unbekannter Quelle</translation>
    </message>
    <message>
        <source>Merged by hand</source>
        <translation>Manuell zusammengeführt</translation>
    </message>
    <message>
        <source>Split by hand</source>
        <translation>Manuell herausgelöst</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Merges</source>
        <translation>Zusammenführungen</translation>
    </message>
    <message>
        <source>‹ All Customers</source>
        <translation>‹ Alle Kunden</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Join another profile of the same person into this one</source>
        <translation>Ein anderes Profil derselben Person mit diesem zusammenführen</translation>
    </message>
    <message>
        <source>Export Data…</source>
        <translation>Daten exportieren…</translation>
    </message>
    <message>
        <source>Save everything held about this shopper as a JSON file (access request)</source>
        <translation>Alles, was über diesen Kunden gespeichert ist, als JSON-Datei sichern (Auskunftsersuchen)</translation>
    </message>
    <message>
        <source>Delete Shopper…</source>
        <translation>Kundenprofil löschen…</translation>
    </message>
    <message>
        <source>Erase this shopper for good (right to be forgotten)</source>
        <translation>Diesen Kunden endgültig löschen (Recht auf Vergessenwerden)</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <source>Show or hide %1 events</source>
        <translation>Ereignisse im Kanal %1 ein- oder ausblenden</translation>
    </message>
    <message>
        <source>All activity</source>
        <translation>Alle Aktivitäten</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Show Older</source>
        <translation>Ältere anzeigen</translation>
    </message>
    <message>
        <source>How this profile was formed: identity resolution merges profiles that share an identifier, and refuses links its rules do not trust. Split a wrong merge to give the other profile its identifiers and events back.</source>
        <translation>So ist dieses Profil entstanden: Die Identitätsauflösung führt Profile mit einer gemeinsamen Kennung zusammen und lehnt Verknüpfungen ab, denen ihre Regeln nicht trauen. Lösen Sie eine falsche Zusammenführung heraus, um dem anderen Profil seine Kennungen und Ereignisse zurückzugeben.</translation>
    </message>
    <message>
        <source>Linked by</source>
        <translation>Verknüpft über</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Links refused&lt;/b&gt;</source>
        <translation>&lt;b&gt;Abgelehnte Verknüpfungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Other profile</source>
        <translation>Anderes Profil</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>The profile could not be read: %1</source>
        <translation>Das Profil konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This shopper no longer exists</source>
        <translation>Dieser Kunde existiert nicht mehr</translation>
    </message>
    <message>
        <source>They may have been deleted or merged into another profile.</source>
        <translation>Das Profil wurde möglicherweise gelöscht oder mit einem anderen Profil zusammengeführt.</translation>
    </message>
    <message>
        <source>Known shopper</source>
        <translation>Bekannter Kunde</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Anonymer Besucher</translation>
    </message>
    <message>
        <source>Customer ID %1</source>
        <translation>Kundennummer %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Profile #%1</source>
        <translation>Profil #%1</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;small style=&quot;color:gray&quot;&gt;from %2, first seen %3&lt;/small&gt;</source>
        <translation>%1&lt;br&gt;&lt;small style=&quot;color:gray&quot;&gt;aus %2, zuerst gesehen %3&lt;/small&gt;</translation>
    </message>
    <message>
        <source>No identifiers.</source>
        <translation>Keine Kennungen.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt;&lt;br&gt;&lt;small style=&quot;color:gray&quot;&gt;from %3, %4&lt;/small&gt;</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt;&lt;br&gt;&lt;small style=&quot;color:gray&quot;&gt;aus %3, %4&lt;/small&gt;</translation>
    </message>
    <message>
        <source>No consent recorded: do not contact.</source>
        <translation>Keine Einwilligung erfasst: nicht kontaktieren.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Email engagement</source>
        <translation>E-Mail-Interaktion</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>Loyalty &amp;&amp; service</source>
        <translation>Treueprogramm &amp;&amp; Kundenservice</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>Bestellungen:</translation>
    </message>
    <message>
        <source>Revenue:</source>
        <translation>Umsatz:</translation>
    </message>
    <message>
        <source>Average order:</source>
        <translation>Durchschnittliche Bestellung:</translation>
    </message>
    <message>
        <source>First order:</source>
        <translation>Erste Bestellung:</translation>
    </message>
    <message>
        <source>Last order:</source>
        <translation>Letzte Bestellung:</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%L1 days</source>
        <translation>%L1 Tage</translation>
    </message>
    <message>
        <source>Since last order:</source>
        <translation>Seit letzter Bestellung:</translation>
    </message>
    <message>
        <source>Refunds:</source>
        <translation>Erstattungen:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cancelled orders:</source>
        <translation>Stornierte Bestellungen:</translation>
    </message>
    <message>
        <source>Open cart:</source>
        <translation>Offener Warenkorb:</translation>
    </message>
    <message>
        <source>%1 — 1 item</source>
        <translation>%1 – 1 Artikel</translation>
    </message>
    <message>
        <source>%1 — %2 items</source>
        <translation>%1 – %2 Artikel</translation>
    </message>
    <message>
        <source>Abandoned since:</source>
        <translation>Abgebrochen seit:</translation>
    </message>
    <message>
        <source>Abandoned carts:</source>
        <translation>Abgebrochene Warenkörbe:</translation>
    </message>
    <message>
        <source>%1 received, %2 opened, %3 clicked</source>
        <translation>%1 erhalten, %2 geöffnet, %3 geklickt</translation>
    </message>
    <message>
        <source>Last 30 days:</source>
        <translation>Letzte 30 Tage:</translation>
    </message>
    <message>
        <source>Last 90 days:</source>
        <translation>Letzte 90 Tage:</translation>
    </message>
    <message>
        <source>Last open:</source>
        <translation>Zuletzt geöffnet:</translation>
    </message>
    <message>
        <source>Favourite category:</source>
        <translation>Lieblingskategorie:</translation>
    </message>
    <message>
        <source>Favourite brand:</source>
        <translation>Lieblingsmarke:</translation>
    </message>
    <message>
        <source>Last viewed:</source>
        <translation>Zuletzt angesehen:</translation>
    </message>
    <message>
        <source>Channels used:</source>
        <translation>Genutzte Kanäle:</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Kein Mitglied</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Punkte:</translation>
    </message>
    <message>
        <source>Open tickets:</source>
        <translation>Offene Anfragen:</translation>
    </message>
    <message>
        <source>%1 of 5 (1 review)</source>
        <translation>%1 von 5 (1 Bewertung)</translation>
    </message>
    <message>
        <source>%1 of 5 (%2 reviews)</source>
        <translation>%1 von 5 (%2 Bewertungen)</translation>
    </message>
    <message>
        <source>Average rating:</source>
        <translation>Durchschnittliche Bewertung:</translation>
    </message>
    <message>
        <source>Not computed yet.</source>
        <translation>Noch nicht berechnet.</translation>
    </message>
    <message>
        <source>Profile #%1 split out of #%2</source>
        <translation>Profil #%1 aus #%2 herausgelöst</translation>
    </message>
    <message>
        <source>Profile #%1 merged into #%2</source>
        <translation>Profil #%1 mit #%2 zusammengeführt</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 — undone %2</source>
        <translation>%1 – rückgängig gemacht am %2</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Herauslösen…</translation>
    </message>
    <message>
        <source>Give profile #%1 its identifiers and events back</source>
        <translation>Profil #%1 seine Kennungen und Ereignisse zurückgeben</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig machen</translation>
    </message>
    <message>
        <source>This profile was never merged: every identifier arrived with the same shopper.</source>
        <translation>Dieses Profil wurde nie zusammengeführt: Alle Kennungen kamen mit demselben Kunden.</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>None: no link was refused.</source>
        <translation>Keine: Es wurde keine Verknüpfung abgelehnt.</translation>
    </message>
    <message>
        <source>Choose at least one channel to see events.</source>
        <translation>Wählen Sie mindestens einen Kanal, um Ereignisse zu sehen.</translation>
    </message>
    <message>
        <source>Reading events…</source>
        <translation>Ereignisse werden gelesen…</translation>
    </message>
    <message>
        <source>The events could not be read: %1</source>
        <translation>Die Ereignisse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No events recorded for this shopper.</source>
        <translation>Für diesen Kunden sind keine Ereignisse erfasst.</translation>
    </message>
    <message>
        <source>No events match the filter.</source>
        <translation>Keine Ereignisse entsprechen dem Filter.</translation>
    </message>
    <message>
        <source>Showing the latest %1 events.</source>
        <translation>Die neuesten %1 Ereignisse werden angezeigt.</translation>
    </message>
    <message>
        <source>All %1 events shown.</source>
        <translation>Alle %1 Ereignisse werden angezeigt.</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>by %1 %2</source>
        <translation>über %1 %2</translation>
    </message>
    <message>
        <source>Split Profile</source>
        <translation>Profil herauslösen</translation>
    </message>
    <message>
        <source>Profile #%1 was merged into #%2 %3.

Splitting gives profile #%1 back the identifiers it brought (%4), and the events recorded under them. Names, consents and events without a recorded identifier stay here. You can undo the split later.</source>
        <translation>Profil #%1 wurde %3 mit #%2 zusammengeführt.

Beim Herauslösen erhält Profil #%1 die Kennungen zurück, die es mitgebracht hat (%4), sowie die darunter erfassten Ereignisse. Namen, Einwilligungen und Ereignisse ohne erfasste Kennung bleiben hier. Sie können das Herauslösen später rückgängig machen.</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Herauslösen</translation>
    </message>
    <message>
        <source>Profile #%1 was split out. Its traits were computed again.</source>
        <translation>Profil #%1 wurde herausgelöst. Seine Merkmale wurden neu berechnet.</translation>
    </message>
    <message>
        <source>Undo this step? A split is merged back; a merge by hand is split again.</source>
        <translation>Diesen Schritt rückgängig machen? Ein Herauslösen wird wieder zusammengeführt; eine manuelle Zusammenführung wird wieder getrennt.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Merge Profiles</source>
        <translation>Profile zusammenführen</translation>
    </message>
    <message>
        <source>Merge %1 (profile #%2) and %3 (profile #%4) into one shopper?

The identifiers, events and consents of both come together under the older profile. You can undo this on the Merges tab.</source>
        <translation>%1 (Profil #%2) und %3 (Profil #%4) zu einem Kunden zusammenführen?

Die Kennungen, Ereignisse und Einwilligungen beider Profile werden im älteren Profil zusammengefasst. Sie können dies auf der Registerkarte „Zusammenführungen“ rückgängig machen.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Merged with profile #%1.</source>
        <translation>Mit Profil #%1 zusammengeführt.</translation>
    </message>
    <message>
        <source>Export Shopper Data</source>
        <translation>Kundendaten exportieren</translation>
    </message>
    <message>
        <source>%1 - data.json</source>
        <translation>%1 - Daten.json</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Everything held about this shopper was saved to %1</source>
        <translation>Alle über diesen Kunden gespeicherten Daten wurden nach %1 exportiert</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The shopper could not be deleted: %1</source>
        <translation>Der Kunde konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>The predictions could not be read: %1</source>
        <translation>Die Vorhersagen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No predictions: no completed order yet.</source>
        <translation>Keine Vorhersagen: noch keine abgeschlossene Bestellung.</translation>
    </message>
    <message>
        <source>No predictions yet: fit them in the Predictions area to see when this shopper is likely to order again.</source>
        <translation>Noch keine Vorhersagen: Berechnen Sie sie im Bereich Vorhersagen, um zu sehen, wann dieser Kunde voraussichtlich wieder bestellt.</translation>
    </message>
    <message>
        <source>No predictions yet: the first order came after the model was fitted on %1. Refit in the Predictions area to include it.</source>
        <translation>Noch keine Vorhersagen: Die erste Bestellung kam nach der Berechnung des Modells am %1. Berechnen Sie es im Bereich Vorhersagen neu, um sie einzubeziehen.</translation>
    </message>
    <message>
        <source>Churn risk:</source>
        <translation>Abwanderungsrisiko:</translation>
    </message>
    <message>
        <source>Expected orders:</source>
        <translation>Erwartete Bestellungen:</translation>
    </message>
    <message>
        <source>%1 in the next 30 days, %2 in 90 days, %3 in 12 months</source>
        <translation>%1 in den nächsten 30 Tagen, %2 in 90 Tagen, %3 in 12 Monaten</translation>
    </message>
    <message>
        <source>Expected order value:</source>
        <translation>Erwarteter Bestellwert:</translation>
    </message>
    <message>
        <source>Rebuy:</source>
        <translation>Nachkauf:</translation>
    </message>
</context>
<context>
    <name>clientele::SegmentEditor</name>
    <message>
        <source>‹ All Segments</source>
        <translation>‹ Alle Segmente</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig machen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Save Segment</source>
        <translation>Segment speichern</translation>
    </message>
    <message>
        <source>e.g. Abandoned carts this week</source>
        <translation>z. B. Abgebrochene Warenkörbe diese Woche</translation>
    </message>
    <message>
        <source>What the segment is for (optional)</source>
        <translation>Wofür das Segment gedacht ist (optional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Change Description</source>
        <translation>Beschreibung ändern</translation>
    </message>
    <message>
        <source>—</source>
        <translation>–</translation>
    </message>
    <message>
        <source>First matching shoppers (double-click to open):</source>
        <translation>Erste passende Kunden (Doppelklick zum Öffnen):</translation>
    </message>
    <message>
        <source>Size history</source>
        <translation>Größenverlauf</translation>
    </message>
    <message>
        <source>New Segment</source>
        <translation>Neues Segment</translation>
    </message>
    <message>
        <source>Edit Segment</source>
        <translation>Segment bearbeiten</translation>
    </message>
    <message>
        <source>Reading the size history…</source>
        <translation>Größenverlauf wird gelesen…</translation>
    </message>
    <message>
        <source>No sizes recorded yet: Clientele records each saved segment&apos;s size once a day, when the workspace is opened.</source>
        <translation>Noch keine Größen erfasst: Clientele erfasst die Größe jedes gespeicherten Segments einmal täglich, wenn der Arbeitsbereich geöffnet wird.</translation>
    </message>
    <message>
        <source>Sizes of %1 days; one is recorded a day, when the workspace is opened.</source>
        <translation>Größen von %1 Tagen; eine wird täglich erfasst, wenn der Arbeitsbereich geöffnet wird.</translation>
    </message>
    <message>
        <source>The segment was not saved: %1</source>
        <translation>Das Segment wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Change Condition</source>
        <translation>Bedingung ändern</translation>
    </message>
    <message>
        <source>Add Condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Remove Condition</source>
        <translation>Bedingung entfernen</translation>
    </message>
    <message>
        <source>Move Condition</source>
        <translation>Bedingung verschieben</translation>
    </message>
    <message>
        <source>Move Out of Group</source>
        <translation>Aus Gruppe herausnehmen</translation>
    </message>
    <message>
        <source>All of</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any of</source>
        <translation>Mindestens eine</translation>
    </message>
    <message>
        <source>None of</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Whether a shopper must meet all, any or none of these conditions</source>
        <translation>Ob ein Kunde alle, mindestens eine oder keine dieser Bedingungen erfüllen muss</translation>
    </message>
    <message>
        <source>these conditions:</source>
        <translation>dieser Bedingungen:</translation>
    </message>
    <message>
        <source>Move group up</source>
        <translation>Gruppe nach oben</translation>
    </message>
    <message>
        <source>Move group down</source>
        <translation>Gruppe nach unten</translation>
    </message>
    <message>
        <source>Move group out of its parent group</source>
        <translation>Gruppe aus der übergeordneten Gruppe herausnehmen</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Diese Gruppe entfernen</translation>
    </message>
    <message>
        <source>+ Add condition</source>
        <translation>+ Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>+ Add group</source>
        <translation>+ Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Choose a segment.</source>
        <translation>Wählen Sie ein Segment.</translation>
    </message>
    <message>
        <source>Add a condition to describe the shoppers of this segment.</source>
        <translation>Fügen Sie eine Bedingung hinzu, um die Kunden dieses Segments zu beschreiben.</translation>
    </message>
    <message>
        <source>Fix the conditions marked in red to save.</source>
        <translation>Korrigieren Sie die rot markierten Bedingungen, um zu speichern.</translation>
    </message>
    <message>
        <source>Give the segment a name to save it.</source>
        <translation>Geben Sie dem Segment einen Namen, um es zu speichern.</translation>
    </message>
    <message>
        <source>Add a condition to count its shoppers.</source>
        <translation>Fügen Sie eine Bedingung hinzu, um die Kunden zu zählen.</translation>
    </message>
    <message>
        <source>Fix the conditions marked in red to count.</source>
        <translation>Korrigieren Sie die rot markierten Bedingungen, um zu zählen.</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>1 shopper · %2 ms</source>
        <translation>1 Kunde · %2 ms</translation>
    </message>
    <message>
        <source>%1 shoppers · %2 ms</source>
        <translation>%1 Kunden · %2 ms</translation>
    </message>
    <message>
        <source>&lt; 1</source>
        <translation>&lt; 1</translation>
    </message>
    <message>
        <source>Reachable: %1 by e-mail · %2 by SMS · %3 by push</source>
        <translation>Erreichbar: %1 per E-Mail · %2 per SMS · %3 per Push</translation>
    </message>
    <message>
        <source>Shoppers with the address or device and consent granted for the channel</source>
        <translation>Kunden mit Adresse bzw. Gerät und erteilter Einwilligung für den Kanal</translation>
    </message>
    <message>
        <source>Could not count: %1</source>
        <translation>Zählen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Overlap…</source>
        <translation>Überschneidung…</translation>
    </message>
    <message>
        <source>How many shoppers this segment shares with a saved one</source>
        <translation>Wie viele Kundinnen und Kunden dieses Segment mit einem gespeicherten gemeinsam hat</translation>
    </message>
    <message>
        <source>Drag to move this group (or Ctrl+Up/Down, Ctrl+Shift+Up out of its parent group, Ctrl+Shift+Down into the next group)</source>
        <translation>Ziehen, um diese Gruppe zu verschieben (oder Strg+Auf/Ab, Strg+Umschalt+Auf aus der übergeordneten Gruppe heraus, Strg+Umschalt+Ab in die nächste Gruppe)</translation>
    </message>
</context>
<context>
    <name>clientele::SegmentListModel</name>
    <message>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>cannot be counted</source>
        <translation>kann nicht gezählt werden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Shoppers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt aktualisiert</translation>
    </message>
</context>
<context>
    <name>clientele::SegmentMemberModel</name>
    <message>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>RFM group</source>
        <translation>RFM-Gruppe</translation>
    </message>
</context>
<context>
    <name>clientele::SegmentOverlapDialog</name>
    <message>
        <source>Segment Overlap</source>
        <translation>Überschneidung von Segmenten</translation>
    </message>
    <message>
        <source>How many shoppers two segments share: to avoid mailing the same people twice, or to size an exclusion.</source>
        <translation>Wie viele Kundinnen und Kunden zwei Segmente gemeinsam haben: um niemanden doppelt anzuschreiben oder um einen Ausschluss abzuschätzen.</translation>
    </message>
    <message>
        <source>This segment (being edited)</source>
        <translation>Dieses Segment (in Bearbeitung)</translation>
    </message>
    <message>
        <source>%1 (being edited)</source>
        <translation>%1 (in Bearbeitung)</translation>
    </message>
    <message>
        <source>Segment A:</source>
        <translation>Segment A:</translation>
    </message>
    <message>
        <source>Segment B:</source>
        <translation>Segment B:</translation>
    </message>
    <message>
        <source>Only in A</source>
        <translation>Nur in A</translation>
    </message>
    <message>
        <source>In both</source>
        <translation>In beiden</translation>
    </message>
    <message>
        <source>Only in B</source>
        <translation>Nur in B</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Open as Segment</source>
        <translation>Als Segment öffnen</translation>
    </message>
    <message>
        <source>A new segment of these shoppers, built from the two</source>
        <translation>Ein neues Segment dieser Kundinnen und Kunden, aus den beiden gebildet</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Saves these shoppers as a segment and opens it in Export</source>
        <translation>Speichert diese Kundinnen und Kunden als Segment und öffnet es im Export</translation>
    </message>
    <message>
        <source>this segment</source>
        <translation>dieses Segment</translation>
    </message>
    <message>
        <source>%1 without %2</source>
        <translation>%1 ohne %2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Save a segment first: an overlap needs two.</source>
        <translation>Speichern Sie zuerst ein Segment: Eine Überschneidung braucht zwei.</translation>
    </message>
    <message>
        <source>Choose two different segments.</source>
        <translation>Wählen Sie zwei verschiedene Segmente.</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>Could not count: %1</source>
        <translation>Zählen nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 in A, %2 in B, %3 in either; %4 of A are also in B.</source>
        <translation>%1 in A, %2 in B, %3 in mindestens einem; %4 von A sind auch in B.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>clientele::SegmentsPage</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The segment has changes that are not saved. Leave it anyway?</source>
        <translation>Das Segment hat nicht gespeicherte Änderungen. Trotzdem verlassen?</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>New Segment</source>
        <translation>Neues Segment</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write this segment&apos;s shoppers to a campaign file</source>
        <translation>Die Kunden dieses Segments in eine Kampagnendatei schreiben</translation>
    </message>
    <message>
        <source>No segments yet</source>
        <translation>Noch keine Segmente</translation>
    </message>
    <message>
        <source>A segment is a group of shoppers described by rules, such as “spent more than 100 in the last year” or “added to cart but did not order within a day”. Clientele keeps it up to date as new data arrives, counts it every day and lets you export it for a campaign.</source>
        <translation>Ein Segment ist eine Gruppe von Kunden, die durch Regeln beschrieben wird, etwa „hat im letzten Jahr mehr als 100 ausgegeben“ oder „hat etwas in den Warenkorb gelegt, aber nicht innerhalb eines Tages bestellt“. Clientele hält es bei neuen Daten aktuell, zählt es täglich und ermöglicht den Export für eine Kampagne.</translation>
    </message>
    <message>
        <source>The segments could not be read: %1</source>
        <translation>Die Segmente konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>The segment was not duplicated: %1</source>
        <translation>Das Segment wurde nicht dupliziert: %1</translation>
    </message>
    <message>
        <source>Delete Segment</source>
        <translation>Segment löschen</translation>
    </message>
    <message>
        <source>Delete the segment “%1” and its size history? Segments that include it will need to be changed.</source>
        <translation>Das Segment „%1“ und seinen Größenverlauf löschen? Segmente, die es einbeziehen, müssen dann geändert werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The segment was not deleted: %1</source>
        <translation>Das Segment wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Replace Segment</source>
        <translation>Segment ersetzen</translation>
    </message>
    <message>
        <source>A segment named “%1” exists already. Replace it?</source>
        <translation>Ein Segment namens „%1“ existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Overlap…</source>
        <translation>Überschneidung…</translation>
    </message>
    <message>
        <source>How many shoppers two segments share</source>
        <translation>Wie viele Kundinnen und Kunden zwei Segmente gemeinsam haben</translation>
    </message>
    <message>
        <source>The part was not saved for the export: %1</source>
        <translation>Der Teil wurde für den Export nicht gespeichert: %1</translation>
    </message>
</context>
</TS>
