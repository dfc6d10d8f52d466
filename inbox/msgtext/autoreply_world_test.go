package msgtext

import "testing"

// autoReplyWorld is what responders send without RFC 3834 headers (Outlook
// rules, webmail vacation responders, helpdesks, challenge-response
// filters, text read receipts), in the 25 languages of issue 15, and what
// people write who mention being away in passing. want is the family:
// "ooo" (absence), "ack" (a machine acknowledging or challenging),
// "receipt" (read receipt), "" (a person).
var autoReplyWorld = []struct {
	name, subject, plain, want string
}{
	// English.
	{"en/OutlookSubjectBody", "Automatic reply: Budget review for Q1", "Thank you for your email.\n\nI am out of the office until Monday 7 December with limited access to email. For urgent matters please contact Carol Jones (carol.jones@example.net).\n\nKind regards,\nBob", "ooo"},
	{"en/AnnualLeave", "Re: Budget review for Q1", "Hi,\n\nI'm currently on annual leave and will be back in the office on 4 January 2027. I will have no access to email during this time.", "ooo"},
	{"en/AwayFromTo", "Re: Budget review for Q1", "Thank you for your message.\n\nPlease note that I am away from 21 December to 4 January inclusive and will respond to your email on my return.", "ooo"},
	{"en/AwayOnHoliday", "Re: Budget review for Q1", "Hello,\nI am away on holiday until 6 January with no access to email.", "ooo"},
	{"en/Travelling", "Re: Budget review for Q1", "Thanks for your email. I'm travelling on business until 9 December with intermittent access to email.", "ooo"},
	{"en/ParentalLeave", "Re: Budget review for Q1", "Hello,\nI am on parental leave until March 2027. Your email will not be forwarded.", "ooo"},
	{"en/OfficeClosed", "Re: Budget review for Q1", "Dear customer,\n\nOur office is closed for the holidays from 24 December to 2 January. We will reply to your message when we reopen on 4 January.", "ooo"},
	{"en/ImOnLeave", "Re: Budget review for Q1", "Hello,\nI'm on leave until 6 January.", "ooo"},
	{"en/NowOnMaternityLeave", "Re: Budget review for Q1", "Please note I'm now on maternity leave until September 2027.", "ooo"},
	{"en/OutTodayWillRespond", "Re: Budget review for Q1", "I am out of the office today and will respond tomorrow.", "ooo"},
	{"en/OffUntil", "Re: Budget review for Q1", "Hi, I'm off until Monday.", "ooo"},
	{"en/Conference", "Re: Budget review for Q1", "I am attending a conference until Friday with limited access to email.", "ooo"},
	{"en/AwayThisWeek", "Re: Budget review for Q1", "Hello,\nI'm away this week with limited access to email.", "ooo"},
	{"en/WasTravelling", "Re: Budget review for Q1", "Sorry for the delay, I'm back now; I was travelling with limited access to email. The totals match.", ""},
	{"en/OutlookOldSubject", "Out of Office AutoReply: Budget review for Q1", "", "ooo"},
	{"en/ExternalBanner", "Re: Budget review for Q1", "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender.\n\nYou don't often get email from tom.harris@example.com. Learn why this is important\n\nHello,\nI am on parental leave until March 2027.", "ooo"},
	{"en/ExternalBannerPerson", "Re: Budget review for Q1", "CAUTION: This email originated from outside of the organization.\n\nHi Ada,\nThe totals match.\nThe travel line is fine.\nI'm out of the office until Monday, so ask Carol after that.", ""},
	{"en/CompanyAck", "Re: Budget review for Q1", "Thank you for contacting Example Insurance.\n\nThis is an automatic confirmation that we have received your email. We aim to respond within two working days.", "ack"},
	{"en/CompanyAimToRespond", "Re: Budget review for Q1", "Thank you for your email.\nWe aim to respond to all enquiries within 48 hours.", "ack"},
	{"en/Zendesk", "[Example Support] Re: Budget review for Q1", "##- Please type your reply above this line -##\n\nYour request (48213) has been received and is being reviewed by our support staff.\n\nTo add additional comments, reply to this email.", "ack"},
	{"en/Freshdesk", "Ticket Received - Budget review for Q1", "Dear Ada,\n\nWe would like to acknowledge that we have received your request and a ticket has been created with Ticket ID - 48213.", "ack"},
	{"en/JiraServiceManagement", "FIN-482 Budget review for Q1", "Reply above this line.\n\nAda Lovelace raised this request via Email.\nView request", "ack"},
	{"en/RequestReceivedSubject", "Request received: Budget review for Q1", "", "ack"},
	{"en/HelpScout", "Re: Budget review for Q1", "Hi Ada,\n\nThanks for reaching out! This is a quick note to let you know we've received your email and will get back to you within one business day.", "ack"},
	{"en/Znuny", "[Ticket#2026112010000011] RE: Budget review for Q1", "Dear Ada Lovelace,\n\nYour email with the subject \"Budget review for Q1\" has been received and will be processed as soon as possible.", "ack"},
	{"en/OsTicket", "Support Ticket Opened [#482131]", "Ada Lovelace,\n\nA request for support has been created and assigned #482131. A representative will follow-up with you as soon as possible.", "ack"},
	{"en/RequestTracker", "[rt.example.net #4711] AutoReply: Budget review for Q1", "Greetings,\n\nThis message has been automatically generated in response to the creation of a trouble ticket regarding:", "ack"},
	{"en/ServiceNow", "Incident INC0012345 has been opened on your behalf", "Your incident INC0012345 has been opened on your behalf. We will contact you shortly.", "ack"},
	{"en/TicketTagReceived", "[Ticket #12345] Budget review for Q1 has been received", "", "ack"},
	{"en/HelpCenterHTML", "Re: Budget review for Q1", "https://example.net Help Center\n\nHi Ada,\n\nThanks for contacting Acme Support!\n\nWe have received your request and will get back to you shortly.", "ack"},
	{"en/DearCustomer", "Re: Budget review for Q1", "Dear customer,\n\nThank you for your enquiry.\nOur opening hours are Monday to Friday, 9 to 5.\nYour message has been received and will be answered in turn.", "ack"},
	{"en/ThanksThenFourthLine", "Re: Budget review for Q1", "Thanks for your message!\nSure, happy to help.\nThe totals match.\nI'm out of the office until Monday, so ask Carol after that.", ""},
	{"en/ChallengeSpamArrest", "Re: Budget review for Q1", "Hello,\n\nI am protecting myself from receiving junk mail. Please click the link below to complete the verification process. You have to do this only once.", "ack"},
	{"en/ChallengeVerifyHuman", "Please confirm your message to bob@example.com", "Hello ada@example.org,\n\nYour message to bob@example.com has been held. Please verify you are human by clicking the link below; you only need to do this once.", "ack"},
	{"en/Boxbe", "Re: Budget review for Q1", "Hello Ada Lovelace,\n\nMessages you have sent will remain in a lower priority mailbox for our member to review at their leisure.\nFuture messages will be more likely to be viewed if you are on our member's priority Guest List.", "ack"},
	{"en/LeftCompany", "Re: Budget review for Q1", "Thank you for your email.\nPlease note that I have left the company. Please send finance questions to finance@example.com.", "ack"},
	{"en/NoLongerWith", "Re: Budget review for Q1", "Hello,\nSimon Park is no longer with Example Corp. Your email has not been forwarded.", "ack"},
	{"en/ReadReceipt", "Read: Budget review for Q1", "Your message\n\n  To: Bob Chen\n  Subject: Budget review for Q1\n  Sent: Monday, November 16, 2026 9:12:00 AM (UTC+01:00)\n\nwas read on Monday, November 16, 2026 10:03:14 AM (UTC+01:00).", "receipt"},
	{"en/NotRead", "Not read: Budget review for Q1", "Your message\n\n  To: Bob Chen\n  Subject: Budget review for Q1\n\nwas deleted without being read on Friday, November 20, 2026.", "receipt"},
	{"en/PastHolidayAnswer", "Re: Budget review for Q1", "I was away on holiday last week, but here is the answer: the travel line is too high.", ""},
	{"en/BackFromLeave", "Re: Budget review for Q1", "Hi Ada,\njust back from annual leave. The numbers look fine to me.", ""},
	{"en/BeforeMyHoliday", "Re: Budget review for Q1", "Hi Ada,\nanswering before I go on holiday: approve it, the totals match.", ""},
	{"en/EnjoyYourHoliday", "Re: Budget review for Q1", "Looks good. I'm on leave from Friday, so ask Carol after that.\nEnjoy your holiday!", ""},
	{"en/AwayFromDesk", "Re: Budget review for Q1", "I'm away from my desk this week, but to answer your question: yes, approve it.", ""},
	{"en/OpenedOnYourBehalf", "Re: Budget review for Q1", "Hi Ada,\nI opened a ticket on your behalf with the vendor; they promised the numbers by Friday.", ""},
	{"en/ReadNoColon", "Read this before Friday", "The travel line is too high.", ""},
	{"en/TagNoTicket", "[Finance] The Q1 report has been created", "", ""},
	{"en/NoTagReceived", "Re: Your parcel has been received", "Thanks, it arrived.", ""},
	{"en/LeftDocuments", "Re: Budget review for Q1", "I have left the printed sheets on your desk; the travel line is too high.", ""},
	{"en/ColleagueLeft", "Re: Budget review for Q1", "Hi Ada,\nCarol is no longer with the finance team, but I can answer: the travel line is too high.", ""},
	{"en/NoLongerWorried", "Re: Budget review for Q1", "I'm no longer worried about the travel line, the rest looks fine.", ""},
	{"en/ReadSubjectPerson", "Re: Budget review for Q1", "Read it, looks fine.", ""},
	{"en/ReceivedPerson", "Re: Budget review for Q1", "Got it, thanks. I received your message and will look at it tonight.", ""},

	// German.
	{"de/Subject", "Automatische Antwort: Umzugskartons gesucht", "", "ooo"},
	{"de/NichtImBuero", "Re: Umzugskartons gesucht", "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Ich bin bis einschließlich 4. Januar nicht im Büro und habe nur eingeschränkten Zugriff auf meine E-Mails.", "ooo"},
	{"de/Inverted", "Re: Umzugskartons gesucht", "Guten Tag,\n\nvom 21.12. bis 06.01. bin ich nicht erreichbar. Ab dem 7. Januar bin ich wieder für Sie da.", "ooo"},
	{"de/Leider", "Re: Umzugskartons gesucht", "Vielen Dank für Ihre E-Mail. Leider bin ich bis zum 6. Januar außer Haus.", "ooo"},
	{"de/Betriebsferien", "Re: Umzugskartons gesucht", "Sehr geehrte Kundin, sehr geehrter Kunde,\n\nunser Büro ist vom 24.12. bis 02.01. wegen Betriebsferien geschlossen.", "ooo"},
	{"de/ExternerAbsender", "Re: Umzugskartons gesucht", "ACHTUNG: Diese E-Mail stammt von einem externen Absender. Klicken Sie nicht auf Links.\nGuten Tag,\nbitte beachten Sie:\nich befinde mich bis 6.1. in Elternzeit.", "ooo"},
	{"de/WiederErreichbar", "Re: Umzugskartons gesucht", "Hallo,\nich bin ab dem 21.12. im Urlaub und ab dem 7.1. wieder erreichbar.", "ooo"},
	{"de/InDerZeit", "Re: Umzugskartons gesucht", "Guten Tag,\nich bin in der Zeit vom 21.12. bis 6.1. nicht im Büro.", "ooo"},
	{"de/Krank", "Re: Umzugskartons gesucht", "Ich bin derzeit krank und nicht erreichbar.", "ooo"},
	{"de/Eingang", "Re: Umzugskartons gesucht", "Vielen Dank für Ihre Anfrage!\nHiermit bestätigen wir den Eingang Ihrer Nachricht. Wir melden uns schnellstmöglich bei Ihnen.", "ack"},
	{"de/Challenge", "Bitte bestätigen Sie Ihre Nachricht", "Guten Tag,\nIhre E-Mail an carol@beispiel.de wurde vom Spamschutz zurückgehalten. Bitte bestätigen Sie über den folgenden Link, dass Sie ein Mensch sind.", "ack"},
	{"de/NichtMehr", "Re: Umzugskartons gesucht", "Guten Tag,\nich bin nicht mehr bei der Spree GmbH tätig. Bitte wenden Sie sich an info@beispiel.de.", "ack"},
	{"de/ReadReceipt", "Gelesen: Umzugskartons gesucht", "Ihre Nachricht\n\n  An: Carol Schmidt\n  Betreff: Umzugskartons gesucht\n\nwurde am Montag, 16. November 2026 10:03:14 gelesen.", "receipt"},
	{"de/NotRead", "Nicht gelesen: Umzugskartons gesucht", "", "receipt"},
	{"de/PastHoliday", "AW: Umzugskartons gesucht", "Hallo Ada,\nich war im Urlaub, sorry für die späte Antwort. Ich habe noch zehn Kartons im Keller.", ""},
	{"de/FromMonday", "AW: Umzugskartons gesucht", "Ich bin ab Montag im Urlaub, aber vorher: die Kartons stehen im Keller.", ""},

	// French.
	{"fr/Subject", "Réponse automatique : Recommandation pour un plombier", "", "ooo"},
	{"fr/AbsentDuAu", "Re: Recommandation pour un plombier", "Bonjour,\n\nJe suis absent(e) du bureau du 21 décembre au 4 janvier inclus, avec un accès limité à mes e-mails.", "ooo"},
	{"fr/EnConges", "Re: Recommandation pour un plombier", "Bonjour,\n\nJe suis actuellement en congés et serai de retour le lundi 5 janvier.", "ooo"},
	{"fr/EnCongeJusqua", "Re: Recommandation pour un plombier", "Madame, Monsieur,\n\nEn congé jusqu'au 5 janvier, je prendrai connaissance de votre message à mon retour.", "ooo"},
	{"fr/Deplacement", "Re: Recommandation pour un plombier", "Bonjour,\nJe suis en déplacement jusqu'au 9 décembre et n'aurai qu'un accès limité à ma messagerie.", "ooo"},
	{"fr/PourTouteUrgence", "Re: Recommandation pour un plombier", "Bonjour,\nje serai absente du 21/12 au 04/01. Pour toute urgence, vous pouvez contacter Marc Petit.", "ooo"},
	{"fr/ActuellementEnConges", "Re: Recommandation pour un plombier", "Bonjour,\nActuellement en congés, je reviens le 5 janvier.", "ooo"},
	{"fr/AccuseReception", "Re: Recommandation pour un plombier", "Bonjour,\nNous accusons réception de votre message et vous répondrons dans les meilleurs délais.", "ack"},
	{"fr/Challenge", "Re: Recommandation pour un plombier", "Bonjour,\nVotre message est en attente de validation. Afin de garantir sa bonne réception, merci de confirmer que vous n'êtes pas un robot en cliquant sur le lien ci-dessous.", "ack"},
	{"fr/PlusPartie", "Re: Recommandation pour un plombier", "Bonjour,\nje ne fais plus partie de la société Martin. Cette adresse mail n'est plus consultée.", "ack"},
	{"fr/ReadReceipt", "Lu : Recommandation pour un plombier", "Votre message\n\n  À : Françoise Dubois\n  Objet : Recommandation pour un plombier\n\na été lu le jeudi 12 novembre 2026 08:15:02.", "receipt"},
	{"fr/NotRead", "Non lu : Recommandation pour un plombier", "", "receipt"},
	{"fr/PastHoliday", "Re: Recommandation pour un plombier", "Bonjour Ada,\nJ'étais en vacances la semaine dernière, désolée pour le retard. Je te conseille Marc Petit.", ""},
	{"fr/LuPerson", "Re: Recommandation pour un plombier", "Lu, merci ! Je te conseille Marc.", ""},

	// Spanish.
	{"es/Subject", "Respuesta automática: ¿Conoces un buen abogado?", "", "ooo"},
	{"es/FueraOficina", "Re: ¿Conoces un buen abogado?", "Hola,\n\nGracias por tu mensaje. Estoy fuera de la oficina hasta el 7 de enero con acceso limitado al correo electrónico.", "ooo"},
	{"es/MeEncuentro", "Re: ¿Conoces un buen abogado?", "Buenos días:\n\nMe encuentro de vacaciones del 22 de diciembre al 6 de enero. Su correo no será reenviado.", "ooo"},
	{"es/AusenteDesde", "Re: ¿Conoces un buen abogado?", "Estaré ausente desde el 21 de diciembre hasta el 6 de enero, ambos inclusive.", "ooo"},
	{"es/NoMeEncuentro", "Re: ¿Conoces un buen abogado?", "Gracias por su correo. En estos momentos no me encuentro en la oficina.", "ooo"},
	{"es/Ack", "Re: ¿Conoces un buen abogado?", "Hola:\nHemos recibido tu mensaje y te responderemos lo antes posible.", "ack"},
	{"es/YaNo", "Re: ¿Conoces un buen abogado?", "Hola,\nya no trabajo en Ruiz Abogados. Escribe a contacto@despacho.ejemplo.es.", "ack"},
	{"es/ReadReceipt", "Leído: ¿Conoces un buen abogado?", "", "receipt"},
	{"es/PastHoliday", "Re: ¿Conoces un buen abogado?", "Hola Ada,\nestuve de vacaciones la semana pasada, perdona el retraso. Te recomiendo a Lucía Pérez.", ""},

	// Italian.
	{"it/Subject", "Risposta automatica: Cerco un idraulico", "", "ooo"},
	{"it/FuoriUfficio", "Re: Cerco un idraulico", "Gentile mittente,\n\nsarò fuori ufficio fino al 7 gennaio con accesso limitato alla posta elettronica.", "ooo"},
	{"it/AssenteDal", "Re: Cerco un idraulico", "Buongiorno,\nsono assente dal 22 dicembre al 6 gennaio. Risponderò alla sua email al mio rientro.", "ooo"},
	{"it/ChiusoPerFerie", "Re: Cerco un idraulico", "Gentile cliente,\nvi informiamo che i nostri uffici resteranno chiusi per ferie dal 24 dicembre al 6 gennaio.", "ooo"},
	{"it/Ack", "Re: Cerco un idraulico", "Gentile cliente, abbiamo ricevuto la sua richiesta e le risponderemo al più presto.", "ack"},
	{"it/ReadReceipt", "Letto: Cerco un idraulico", "", "receipt"},
	{"it/PastHoliday", "Re: Cerco un idraulico", "Ciao Ada, ero in ferie la settimana scorsa, scusa il ritardo. Ti consiglio Marco.", ""},

	// Portuguese.
	{"pt/Subject", "Resposta automática: Indicação de contador", "", "ooo"},
	{"pt/ForaEscritorio", "Re: Indicação de contador", "Olá,\n\nEstou fora do escritório até 6 de janeiro, com acesso limitado ao e-mail.", "ooo"},
	{"pt/BrAusente", "Re: Indicação de contador", "Prezados,\nEstarei ausente de 21/12 a 05/01, sem acesso ao e-mail.", "ooo"},
	{"pt/Encontro", "Re: Indicação de contador", "Obrigado pela sua mensagem. Encontro-me de férias até dia 6 de janeiro e responderei assim que regressar.", "ooo"},
	{"pt/Ack", "Re: Indicação de contador", "Olá! Recebemos sua mensagem e retornaremos em breve.", "ack"},
	{"pt/ReadReceipt", "Lido: Indicação de contador", "", "receipt"},
	{"pt/PastHoliday", "Re: Indicação de contador", "Oi Ada, estive de férias na semana passada, desculpa a demora. Recomendo o João.", ""},

	// Dutch.
	{"nl/Subject", "Automatisch antwoord: Verhuisdozen", "", "ooo"},
	{"nl/AfwezigTot", "Re: Verhuisdozen", "Hallo,\nIk ben afwezig tot 6 januari en lees mijn e-mail niet.", "ooo"},
	{"nl/Inverted", "Re: Verhuisdozen", "Goedendag,\n\nVan 21 december tot en met 4 januari ben ik met vakantie.", "ooo"},
	{"nl/Ack", "Re: Verhuisdozen", "Bedankt voor uw bericht. Wij hebben uw e-mail in goede orde ontvangen en nemen zo spoedig mogelijk contact met u op.", "ack"},
	{"nl/ReadReceipt", "Gelezen: Verhuisdozen", "", "receipt"},
	{"nl/PastHoliday", "Re: Verhuisdozen", "Hoi Ada, ik was vorige week op vakantie, vandaar de late reactie. Ik heb nog tien dozen.", ""},

	// Swedish.
	{"sv/Subject", "Automatiskt svar: Flytthjälp i helgen", "", "ooo"},
	{"sv/Semester", "Sv: Flytthjälp i helgen", "Hej,\n\nJag är på semester till och med 6 januari med begränsad tillgång till e-post.", "ooo"},
	{"sv/LedigLaserInte", "Sv: Flytthjälp i helgen", "Hej! Jag är ledig 21/12–6/1 och läser inte min mejl.", "ooo"},
	{"sv/Ack", "Sv: Flytthjälp i helgen", "Tack för ditt meddelande! Vi har tagit emot ditt ärende och återkommer så snart vi kan.", "ack"},
	{"sv/ReadReceipt", "Läst: Flytthjälp i helgen", "", "receipt"},
	{"sv/PastHoliday", "Sv: Flytthjälp i helgen", "Hej Ada! Jag var ledig i förra veckan, därför svarar jag först nu. Jag kan hjälpa till på lördag.", ""},

	// Danish.
	{"da/Subject", "Automatisk svar: Anbefaling af en tømrer", "", "ooo"},
	{"da/Ferie", "Sv: Anbefaling af en tømrer", "Tak for din mail.\n\nJeg er på ferie til og med den 4. januar og har ikke adgang til min mail.", "ooo"},
	{"da/Juleferie", "Sv: Anbefaling af en tømrer", "Hej,\nJeg holder juleferie fra den 22. december til den 3. januar.", "ooo"},
	{"da/Ack", "Sv: Anbefaling af en tømrer", "Tak for din henvendelse. Vi har modtaget din mail og vender tilbage hurtigst muligt.", "ack"},
	{"da/ReadReceipt", "Læst: Anbefaling af en tømrer", "", "receipt"},
	{"da/PastHoliday", "Sv: Anbefaling af en tømrer", "Hej Ada, jeg var på ferie sidste uge, undskyld det sene svar. Prøv Lars.", ""},

	// Norwegian.
	{"no/Subject", "Automatisk svar: Tips om barnehage", "", "ooo"},
	{"no/Ferie", "SV: Tips om barnehage", "Hei,\n\nJeg er på ferie til og med 4. januar og har begrenset tilgang til e-post.", "ooo"},
	{"no/UteAvKontoret", "SV: Tips om barnehage", "Takk for e-posten din. Jeg er ute av kontoret frem til mandag 5. januar.", "ooo"},
	{"no/Ack", "SV: Tips om barnehage", "Takk for din henvendelse. Vi har mottatt e-posten din og svarer så snart vi kan.", "ack"},
	{"no/ReadReceipt", "Lest: Tips om barnehage", "", "receipt"},
	{"no/PastHoliday", "SV: Tips om barnehage", "Hei Ada! Jeg var på ferie forrige uke, beklager sent svar. Prøv Solsikken.", ""},

	// Finnish.
	{"fi/Subject", "Automaattinen vastaus: Muuttoapu", "", "ooo"},
	{"fi/Lomalla", "VS: Muuttoapu", "Hei,\n\nolen lomalla 6.1. asti. Kiireellisissä asioissa ota yhteyttä Matti Virtaseen.", "ooo"},
	{"fi/PoissaToimistolta", "VS: Muuttoapu", "Kiitos viestistäsi. Olen poissa toimistolta 22.12.–6.1. ja luen sähköpostiani satunnaisesti.", "ooo"},
	{"fi/Ack", "VS: Muuttoapu", "Kiitos yhteydenotostasi! Olemme vastaanottaneet viestisi ja vastaamme mahdollisimman pian.", "ack"},
	{"fi/ReadReceipt", "Luettu: Muuttoapu", "", "receipt"},
	{"fi/PastHoliday", "VS: Muuttoapu", "Moi Ada, olin lomalla viime viikolla, siksi vastaan vasta nyt. Autan mielelläni.", ""},

	// Polish.
	{"pl/Subject", "Automatyczna odpowiedź: Polecenie hydraulika", "", "ooo"},
	{"pl/Przebywam", "Odp: Polecenie hydraulika", "Dzień dobry,\n\ndo 6 stycznia przebywam na urlopie z ograniczonym dostępem do poczty.", "ooo"},
	{"pl/NieobecnaWBiurze", "Odp: Polecenie hydraulika", "Szanowni Państwo,\nuprzejmie informuję, że w dniach 21.12–6.01 jestem nieobecna w biurze.", "ooo"},
	{"pl/Ack", "Odp: Polecenie hydraulika", "Dziękujemy za wiadomość. Otrzymaliśmy Twoje zgłoszenie i odpowiemy najszybciej, jak to możliwe.", "ack"},
	{"pl/ReadReceipt", "Przeczytane: Polecenie hydraulika", "", "receipt"},
	{"pl/PastHoliday", "Odp: Polecenie hydraulika", "Cześć Ada, w zeszłym tygodniu byłem na urlopie, stąd opóźnienie. Polecam pana Nowaka.", ""},

	// Czech.
	{"cs/Subject", "Automatická odpověď: Doporučení na instalatéra", "", "ooo"},
	{"cs/MimoKancelar", "Re: Doporučení na instalatéra", "Dobrý den,\n\njsem mimo kancelář do 6. ledna s omezeným přístupem k e-mailu.", "ooo"},
	{"cs/Cerpam", "Re: Doporučení na instalatéra", "Děkuji za Váš e-mail. Od 21. 12. do 6. 1. čerpám dovolenou.", "ooo"},
	{"cs/Ack", "Re: Doporučení na instalatéra", "Dobrý den, děkujeme za Vaši zprávu. Potvrzujeme přijetí Vašeho e-mailu a budeme Vás co nejdříve kontaktovat.", "ack"},
	{"cs/ReadReceipt", "Přečteno: Doporučení na instalatéra", "", "receipt"},
	{"cs/PastHoliday", "Re: Doporučení na instalatéra", "Ahoj Ado, minulý týden jsem byla na dovolené, proto odpovídám až teď. Zkus pana Dvořáka.", ""},

	// Slovak.
	{"sk/Subject", "Automatická odpoveď: Odporúčanie na elektrikára", "", "ooo"},
	{"sk/MimoKancelarie", "Re: Odporúčanie na elektrikára", "Dobrý deň,\n\nsom mimo kancelárie do 6. januára.", "ooo"},
	{"sk/Dovolenka", "Re: Odporúčanie na elektrikára", "Ďakujem za e-mail. Momentálne som na dovolenke a budem späť 7. januára.", "ooo"},
	{"sk/Ack", "Re: Odporúčanie na elektrikára", "Ďakujeme, vašu správu sme prijali a čoskoro vás budeme kontaktovať.", "ack"},
	{"sk/ReadReceipt", "Prečítané: Odporúčanie na elektrikára", "", "receipt"},
	{"sk/PastHoliday", "Re: Odporúčanie na elektrikára", "Ahoj Ada, minulý týždeň som bola na dovolenke, preto odpisujem až teraz.", ""},

	// Hungarian.
	{"hu/Subject", "Automatikus válasz: Villanyszerelőt keresek", "", "ooo"},
	{"hu/Szabadsag", "Re: Villanyszerelőt keresek", "Tisztelt Partnerünk!\n\nJanuár 6-ig szabadságon vagyok, e-mailjeimet korlátozottan olvasom.", "ooo"},
	{"hu/Kozott", "Re: Villanyszerelőt keresek", "Üdvözlöm!\nDecember 21. és január 6. között szabadságon leszek.", "ooo"},
	{"hu/Ack", "Re: Villanyszerelőt keresek", "Köszönjük megkeresését! Üzenetét megkaptuk, kollégánk hamarosan felveszi Önnel a kapcsolatot.", "ack"},
	{"hu/ReadReceipt", "Olvasott: Villanyszerelőt keresek", "", "receipt"},
	{"hu/PastHoliday", "Re: Villanyszerelőt keresek", "Szia Ada! Múlt héten szabadságon voltam, ezért csak most válaszolok.", ""},

	// Romanian.
	{"ro/Subject", "Răspuns automat: Recomandare instalator", "", "ooo"},
	{"ro/Concediu", "Re: Recomandare instalator", "Bună ziua,\n\nSunt în concediu până pe 6 ianuarie, cu acces limitat la e-mail.", "ooo"},
	{"ro/VoiLipsi", "Re: Recomandare instalator", "Vă mulțumesc pentru mesaj. Voi lipsi din birou în perioada 22.12–06.01.", "ooo"},
	{"ro/Ack", "Re: Recomandare instalator", "Vă mulțumim pentru mesaj! Am primit solicitarea dumneavoastră și vă vom răspunde în cel mai scurt timp.", "ack"},
	{"ro/ReadReceipt", "Citit: Recomandare instalator", "", "receipt"},
	{"ro/PastHoliday", "Re: Recomandare instalator", "Salut Ada, am fost în concediu săptămâna trecută, scuze pentru întârziere.", ""},

	// Croatian.
	{"hr/Subject", "Automatski odgovor: Preporuka za vodoinstalatera", "", "ooo"},
	{"hr/IzvanUredaSam", "Re: Preporuka za vodoinstalatera", "Poštovani,\n\nizvan ureda sam do 7. siječnja s ograničenim pristupom e-pošti.", "ooo"},
	{"hr/GodisnjemSam", "Re: Preporuka za vodoinstalatera", "Hvala na poruci. Na godišnjem sam odmoru do 6. siječnja.", "ooo"},
	{"hr/Ack", "Re: Preporuka za vodoinstalatera", "Poštovani, zaprimili smo Vaš upit i odgovorit ćemo u najkraćem mogućem roku.", "ack"},
	{"hr/ReadReceipt", "Pročitano: Preporuka za vodoinstalatera", "", "receipt"},
	{"hr/PastHoliday", "Re: Preporuka za vodoinstalatera", "Bok Ada, prošli tjedan sam bila na godišnjem, zato kasnim s odgovorom.", ""},

	// Turkish.
	{"tr/Subject", "Otomatik yanıt: Tesisatçı önerisi", "", "ooo"},
	{"tr/OfisDisi", "Ynt: Tesisatçı önerisi", "Merhaba,\n\n6 Ocak tarihine kadar ofis dışındayım ve e-postalarıma sınırlı erişimim var.", "ooo"},
	{"tr/YillikIzin", "Ynt: Tesisatçı önerisi", "Mesajınız için teşekkürler. 22 Aralık - 6 Ocak tarihleri arasında yıllık izindeyim.", "ooo"},
	{"tr/Ack", "Ynt: Tesisatçı önerisi", "Değerli müşterimiz, talebiniz alınmıştır. En kısa sürede size dönüş yapılacaktır.", "ack"},
	{"tr/ReadReceipt", "Okundu: Tesisatçı önerisi", "", "receipt"},

	// Russian.
	{"ru/Subject", "Автоматический ответ: Посоветуйте сантехника", "", "ooo"},
	{"ru/SPo", "Re: Посоветуйте сантехника", "Добрый день!\nС 22 декабря по 9 января я в отпуске. По срочным вопросам обращайтесь к Ирине Петровой.", "ooo"},
	{"ru/Budu", "Re: Посоветуйте сантехника", "Спасибо за письмо. Я буду отсутствовать в офисе до 12 января.", "ooo"},
	{"ru/Ack", "Re: Посоветуйте сантехника", "Здравствуйте! Благодарим за обращение. Ваше письмо получено, мы ответим в ближайшее время.", "ack"},
	{"ru/ReadReceipt", "Прочитано: Посоветуйте сантехника", "", "receipt"},
	{"ru/PastHoliday", "Re: Посоветуйте сантехника", "Привет! На прошлой неделе я была в отпуске, поэтому отвечаю поздно. Позвони Сергею.", ""},

	// Ukrainian.
	{"uk/Subject", "Автоматична відповідь: Порадьте електрика", "", "ooo"},
	{"uk/Vidpustka", "Re: Порадьте електрика", "Добрий день!\n\nЯ у відпустці до 8 січня з обмеженим доступом до пошти.", "ooo"},
	{"uk/Budu", "Re: Порадьте електрика", "Дякую за лист. Я буду відсутній в офісі до 12 січня.", "ooo"},
	{"uk/Ack", "Re: Порадьте електрика", "Дякуємо за звернення! Ваш запит отримано, ми відповімо найближчим часом.", "ack"},
	{"uk/ReadReceipt", "Прочитано: Порадьте електрика", "", "receipt"},
	{"uk/PastHoliday", "Re: Порадьте електрика", "Привіт! Минулого тижня я був у відпустці, тому відповідаю пізно.", ""},

	// Greek.
	{"el/Subject", "Αυτόματη απάντηση: Σύσταση για υδραυλικό", "", "ooo"},
	{"el/ThaVriskomai", "Re: Σύσταση για υδραυλικό", "Καλημέρα σας,\n\nΘα βρίσκομαι εκτός γραφείου έως τις 7 Ιανουαρίου, με περιορισμένη πρόσβαση στο email.", "ooo"},
	{"el/Apousiazo", "Re: Σύσταση για υδραυλικό", "Σας ευχαριστώ για το μήνυμά σας. Απουσιάζω από το γραφείο έως τις 7 Ιανουαρίου.", "ooo"},
	{"el/Ack", "Re: Σύσταση για υδραυλικό", "Λάβαμε το μήνυμά σας και θα επικοινωνήσουμε μαζί σας το συντομότερο δυνατό.", "ack"},
	{"el/ReadReceipt", "Αναγνώστηκε: Σύσταση για υδραυλικό", "", "receipt"},
	{"el/PastHoliday", "Re: Σύσταση για υδραυλικό", "Γεια σου Ada, ήμουν σε διακοπές την προηγούμενη εβδομάδα. Σου προτείνω τον Νίκο.", ""},

	// Japanese.
	{"ja/Subject", "自動応答: 配管工の紹介", "", "ooo"},
	{"ja/Kyugyo", "Re: 配管工の紹介", "メールありがとうございます。\n誠に勝手ながら、12月28日から1月5日まで冬季休業とさせていただきます。\n1月6日以降、順次ご返信いたします。", "ooo"},
	{"ja/Ack", "Re: 配管工の紹介", "この度はお問い合わせいただき、誠にありがとうございます。\n以下の内容でお問い合わせを受け付けました。", "ack"},
	{"ja/ReadReceipt", "開封済み: 配管工の紹介", "", "receipt"},

	// Chinese.
	{"zh-Hans/Subject", "自动答复: 推荐一位水管工", "", "ooo"},
	{"zh-Hans/Jiangyu", "回复: 推荐一位水管工", "您好！\n我将于12月24日至1月2日休假，期间无法及时回复邮件，如有急事请致电王小姐。", "ooo"},
	{"zh-Hans/ZaiXiujia", "回复: 推荐一位水管工", "我目前在休假，1月6日返回。", "ooo"},
	{"zh-Hans/Ack", "回复: 推荐一位水管工", "您好，您的邮件已收到，我们会尽快处理并回复您。", "ack"},
	{"zh-Hans/ReadReceipt", "已读: 推荐一位水管工", "", "receipt"},
	{"zh-Hant/Subject", "自動回覆: 推薦水電師傅", "", "ooo"},
	{"zh-Hant/Xiujiazhong", "回覆: 推薦水電師傅", "您好，我目前休假中，將於1月6日返回辦公室。", "ooo"},
	{"zh-Hant/Ack", "回覆: 推薦水電師傅", "您好，我們已收到您的來信，將盡快回覆。", "ack"},

	// Korean.
	{"ko/Subject", "자동 회신: 배관공 추천 부탁드립니다", "", "ooo"},
	{"ko/Bujaejung", "RE: 배관공 추천 부탁드립니다", "안녕하세요.\n12월 24일부터 1월 2일까지 휴가로 부재중입니다. 급한 용무는 김민수 과장에게 연락 부탁드립니다.", "ooo"},
	{"ko/Chuljang", "RE: 배관공 추천 부탁드립니다", "메일 감사합니다. 현재 출장 중이라 메일 확인이 어렵습니다.", "ooo"},
	{"ko/Kkaji", "RE: 배관공 추천 부탁드립니다", "안녕하세요.\n1월 6일까지 휴가입니다.", "ooo"},
	{"ko/Ack", "RE: 배관공 추천 부탁드립니다", "문의해 주셔서 감사합니다. 고객님의 문의가 정상적으로 접수되었습니다.", "ack"},
	{"ko/ReadReceipt", "읽음: 배관공 추천 부탁드립니다", "", "receipt"},

	// Vietnamese.
	{"vi/Subject", "Trả lời tự động: Giới thiệu thợ sửa ống nước", "", "ooo"},
	{"vi/NghiPhep", "Re: Giới thiệu thợ sửa ống nước", "Xin chào,\nTôi đang nghỉ phép từ ngày 24/12 đến ngày 2/1 và sẽ hạn chế kiểm tra email.", "ooo"},
	{"vi/KhongCoMat", "Re: Giới thiệu thợ sửa ống nước", "Cảm ơn bạn đã gửi email. Hiện tại tôi không có mặt tại văn phòng.", "ooo"},
	{"vi/Ack", "Re: Giới thiệu thợ sửa ống nước", "Cảm ơn quý khách đã liên hệ. Chúng tôi đã nhận được yêu cầu của quý khách và sẽ phản hồi trong thời gian sớm nhất.", "ack"},
	{"vi/ReadReceipt", "Đã đọc: Giới thiệu thợ sửa ống nước", "", "receipt"},
	{"vi/PastHoliday", "Re: Giới thiệu thợ sửa ống nước", "Chào Ada, tuần trước mình đi nghỉ phép nên trả lời muộn. Bạn thử gọi anh Minh nhé.", ""},
}

// TestAutoReplyWorld checks each message's family. Before the ack and
// receipt families, the tail and the phrases added with them, 72 of the
// first 158 auto-replies here went unnoticed (issue 15), and no person was
// taken for one; the two acknowledgements whose greeting and thanks fill
// the first lines went unnoticed until openers. A second round of common
// phrasings ("I'm on leave until", "ab dem … wieder erreichbar", "까지
// 휴가입니다") missed 15 more; 14 are caught now, most of them here.
func TestAutoReplyWorld(t *testing.T) {
	family := map[string]AutoReplyFamily{"": NotAutoReply, "ooo": Absence, "ack": Acknowledgement, "receipt": ReadReceipt}
	for _, tc := range autoReplyWorld {
		t.Run(tc.name, func(t *testing.T) {
			want, ok := family[tc.want]
			if !ok {
				t.Fatalf("unknown family %q", tc.want)
			}
			got, why := AutoReply(tc.subject, tc.plain)
			if got != want {
				t.Errorf("AutoReply(%q, %q) = %v (%s), want %v", tc.subject, tc.plain, got, why, want)
			}
		})
	}
}
