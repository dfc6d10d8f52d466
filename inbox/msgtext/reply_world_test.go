package msgtext

import (
	"strings"
	"testing"
)

// replyWorld is a table of realistic replies to Ada Lovelace's asks, as
// the clients of the world write them: plain text with its attribution
// line, header block, mobile footer, signature and disclaimer, and HTML
// with its clients' quote structure. starts is how the excerpt a person
// expects begins; none of not may be in it.
var replyWorld = []struct {
	name   string // client-language-what
	from   string // the sender's display name
	body   string // a plain-text body, or a whole message when it starts with "Content-Type:"
	starts string
	not    []string
}{
	// English.
	{"gmail-en-top-posted", "Bob Chen",
		"Hi Ada,\n\nThe spare key is with Carol next door, she's home after 6.\n\nBest,\nBob\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n\n> Does anyone have the spare key?\n>\n> Ada\n",
		"The spare key is with Carol", []string{"wrote", "Does anyone", "Best"}},
	{"gmail-en-attribution-wrapped-before-address", "Bob Chen",
		"Done, the invoice is paid.\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace\n<ada@example.org> wrote:\n\n> Could you pay the invoice?\n",
		"Done, the invoice is paid.", []string{"wrote", "Could you", "Lovelace"}},
	{"outlook-en-header-block-name-greeting", "Mark Evans",
		"Ada,\n\nI can cover Thursday's shift, no problem.\n\nThanks,\nMark\n\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:02 AM\nTo: Mark Evans <mark@example.com>\nSubject: Thursday shift\n\nCan anyone cover Thursday?\n",
		"I can cover Thursday's shift", []string{"Ada,", "From:", "Can anyone"}},
	{"outlook-en-original-message", "Mark Evans",
		"Booked the room for 3pm.\n\n-----Original Message-----\nFrom: Ada Lovelace [mailto:ada@example.org]\nSent: Monday, November 23, 2026 10:02 AM\nTo: Mark Evans\nSubject: Room\n\nCould you book a room?\n",
		"Booked the room for 3pm.", []string{"Original", "Could you"}},
	{"outlook-web-en-rule", "Mark Evans",
		"The printer on floor 2 works again.\n\n________________________________\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:02\nTo: Mark Evans <mark@example.com>\nSubject: Printer\n\nIs the printer fixed?\n",
		"The printer on floor 2 works again.", []string{"From:", "Is the printer"}},
	{"outlook-ios-en-get-outlook", "Priya Shah",
		"Sure, I'll send the slides tonight.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n________________________________\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:02:13 AM\nTo: Priya Shah <priya@example.com>\nSubject: Slides\n\nCan you send the slides?\n",
		"Sure, I'll send the slides tonight.", []string{"Outlook", "Can you send"}},
	{"ios-en-sent-from-iphone", "Grace Hopper",
		"Yes! Pick it up anytime.\n\nSent from my iPhone\n\n> On Nov 23, 2026, at 10:02, Ada Lovelace <ada@example.org> wrote:\n>\n> \uFEFFCan I borrow the ladder?\n",
		"Yes! Pick it up anytime.", []string{"iPhone", "ladder"}},
	{"thunderbird-en-bottom-posted", "Tom Baker",
		"On 23/11/2026 10:02, Ada Lovelace wrote:\n> Can anyone recommend a dentist?\n\nDr. Patel on Mill Street is great, ask for the early slots.\n\n-- \nTom Baker\n",
		"Dr. Patel on Mill Street is great", []string{"wrote", "recommend a dentist", "Tom Baker"}},
	{"yahoo-en-unquoted-original", "Linda Park",
		"I have a spare charger, I'll drop it off tonight.\n\n\nOn Monday, November 23, 2026, 10:02:13 AM GMT+1, Ada Lovelace <ada@example.org> wrote:\n\n\nDoes anyone have a USB-C charger?\n",
		"I have a spare charger", []string{"wrote", "Does anyone"}},
	{"proton-en-sent-with", "Sam Rivera",
		"Happy to help, I'll call you tomorrow morning.\n\nSent with Proton Mail secure email.\n\nOn Monday, November 23rd, 2026 at 10:02 AM, Ada Lovelace <ada@example.org> wrote:\n\n> Could someone explain the tax form?\n",
		"Happy to help, I'll call you tomorrow morning.", []string{"Proton", "tax form"}},
	{"k9-en-brevity", "Sam Rivera",
		"Sounds good, see you at 7.\n--\nSent from my Android device with K-9 Mail. Please excuse my brevity.\n\nOn November 23, 2026 10:02:50 AM GMT+01:00, Ada Lovelace <ada@example.org> wrote:\n>Dinner at 7?\n",
		"Sounds good, see you at 7.", []string{"Android", "brevity", "Dinner"}},
	{"outlook-en-disclaimer-after-signature", "John Smith",
		"Ada,\n\nThe contract draft is attached, comments welcome by Friday.\n\nRegards,\nJohn Smith\nSenior Counsel | Example Legal LLP\n+44 20 7946 0000\n\nThis e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient, please notify the sender immediately and delete this message.\n\nFrom: Ada Lovelace <ada@example.org>\nSent: 23 November 2026 10:02\nTo: John Smith <john@example.co.uk>\nSubject: Contract\n\nCould you draft the contract?\n",
		"The contract draft is attached", []string{"confidential", "Senior Counsel", "Regards"}},
	{"gmail-en-confidentiality-notice", "Priya Shah",
		"Yes, Friday at 3pm works for us.\n\nCONFIDENTIALITY NOTICE: The information contained in this email is intended only for the use of the addressee. If you have received this email in error, please delete it.\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n> Does Friday work?\n",
		"Yes, Friday at 3pm works for us.", []string{"CONFIDENTIALITY", "addressee"}},
	{"android-en-galaxy", "Linda Park",
		"I'm in, count me for Saturday.\n\n\n\nSent from my Galaxy\n\n\n-------- Original message --------\nFrom: Ada Lovelace <ada@example.org>\nDate: 11/23/26 10:02 (GMT+01:00)\nTo: Linda Park <linda@example.com>\nSubject: Saturday cleanup\n\nWho can help on Saturday?\n",
		"I'm in, count me for Saturday.", []string{"Galaxy", "Who can help", "Original"}},
	{"yahoo-android-en", "Linda Park",
		"The plumber's number is 555 0142, ask for Rui.\n\nSent from Yahoo Mail on Android\n\n  On Mon, Nov 23, 2026 at 10:02, Ada Lovelace<ada@example.org> wrote:   Any plumber you trust?\n",
		"The plumber's number is 555 0142", []string{"Yahoo", "trust"}},
	{"outlook-mac-en-date-label", "Priya Shah",
		"Both files are in the shared drive now.\n\nFrom: Ada Lovelace <ada@example.org>\nDate: Monday, 23 November 2026 at 10:02\nTo: Priya Shah <priya@example.com>\nSubject: Files\n\nWhere are the files?\n",
		"Both files are in the shared drive now.", []string{"From:", "Where are"}},

	// German.
	{"gmail-de-attribution-wrapped", "Carol Schmidt",
		"Hallo Ada,\n\nich kann dir am Samstag beim Umzug helfen.\n\nViele Grüße\nCarol\n\nAm Mo., 23. Nov. 2026 um 10:02 Uhr schrieb Ada Lovelace <\nada@example.org>:\n\n> Wer hilft beim Umzug?\n",
		"ich kann dir am Samstag beim Umzug helfen.", []string{"schrieb", "Wer hilft", "Grüße"}},
	{"thunderbird-de-interleaved", "Jens Vogel",
		"Am 23.11.2026 um 10:02 schrieb Ada Lovelace:\n> Kennt jemand eine gute Kinderärztin?\n\nJa, Frau Dr. Kaiser in der Lindenstraße.\n\nGruß\nJens\n",
		"Ja, Frau Dr. Kaiser in der Lindenstraße.", []string{"schrieb", "Kennt jemand", "Gruß"}},
	{"ios-de-von-meinem-iphone", "Carol Schmidt",
		"Klar, komm einfach vorbei!\n\nVon meinem iPhone gesendet\n\n> Am 23.11.2026 um 10:02 schrieb Ada Lovelace <ada@example.org>:\n>\n> Kann ich die Bohrmaschine leihen?\n",
		"Klar, komm einfach vorbei!", []string{"iPhone", "Bohrmaschine"}},
	{"outlook-de-disclaimer", "Frank Weber",
		"Hallo Frau Lovelace,\n\ndie Wohnung in der Kastanienallee ist ab Januar frei.\n\nMit freundlichen Grüßen\nFrank Weber\nWeber Immobilien GmbH\n\nDiese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender.\n\nVon: Ada Lovelace <ada@example.org>\nGesendet: Montag, 23. November 2026 10:02\nAn: Frank Weber <frank@beispiel.de>\nBetreff: Wohnung\n\nIst noch etwas frei?\n",
		"die Wohnung in der Kastanienallee ist ab Januar frei.", []string{"vertrauliche", "Grüßen", "Ist noch"}},
	{"k9-de-schrieb-am", "Jens Vogel",
		"Passt, bis morgen.\n\nAda Lovelace <ada@example.org> schrieb am 23. November 2026 10:02:50 MEZ:\n>Treffen wir uns morgen?\n",
		"Passt, bis morgen.", []string{"schrieb", "Treffen"}},
	{"yahoo-de-folgendes-geschrieben", "Jens Vogel",
		"Ich bringe zwei Klappstühle mit.\n\n\nAm Montag, 23. November 2026, 10:02:13 MEZ hat Ada Lovelace <ada@example.org> Folgendes geschrieben:\n\n\nWer hat Stühle für Samstag?\n",
		"Ich bringe zwei Klappstühle mit.", []string{"geschrieben", "Wer hat"}},
	{"outlook-android-de", "Carol Schmidt",
		"Mache ich heute Abend.\n\nHolen Sie sich Outlook für Android<https://aka.ms/AAb9ysg>\n________________________________\nVon: Ada Lovelace <ada@example.org>\nGesendet: Montag, November 23, 2026 10:02:13 AM\nAn: Carol Schmidt <carol@beispiel.de>\nBetreff: Formular\n\nKannst du das Formular ausfüllen?\n",
		"Mache ich heute Abend.", []string{"Outlook", "Formular ausfüllen"}},
	{"gmx-de-original-nachricht", "Jens Vogel",
		"Der Schlüssel liegt unter der Matte.\n\n\n-------- Original-Nachricht --------\nBetreff: Schlüssel\nDatum: 23.11.2026 10:02\nVon: Ada Lovelace <ada@example.org>\nAn: Jens Vogel <jens@beispiel.de>\n\nWo ist der Schlüssel?\n",
		"Der Schlüssel liegt unter der Matte.", []string{"Original", "Wo ist"}},

	// French.
	{"gmail-fr-attribution-wrapped", "Françoise Dubois",
		"Bonjour Ada,\n\nJe te conseille M. Girard, il est passé chez moi la semaine dernière.\n\nBonne journée,\nFrançoise\n\nLe lun. 23 nov. 2026 à 10:02, Ada Lovelace <ada@example.org> a\nécrit :\n\n> Tu connais un plombier ?\n",
		"Je te conseille M. Girard", []string{"écrit", "plombier ?", "Bonne journée"}},
	{"ios-fr-envoye-de-mon-iphone", "Françoise Dubois",
		"Oui, demain 18h c'est parfait.\n\nEnvoyé de mon iPhone\n\n> Le 23 nov. 2026 à 10:02, Ada Lovelace <ada@example.org> a écrit :\n>\n> Demain 18h ?\n",
		"Oui, demain 18h c'est parfait.", []string{"iPhone", "Demain 18h ?"}},
	{"outlook-fr-disclaimer", "Luc Martin",
		"Bonjour,\n\nLe devis est en pièce jointe.\n\nCordialement,\nLuc Martin\n\nCe message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires. Toute utilisation non conforme à sa destination est interdite.\n\nDe : Ada Lovelace <ada@example.org>\nEnvoyé : lundi 23 novembre 2026 10:02\nÀ : Luc Martin <luc@exemple.fr>\nObjet : Devis\n\nPouvez-vous m'envoyer le devis ?\n",
		"Le devis est en pièce jointe.", []string{"confidentiels", "Cordialement", "Pouvez-vous"}},
	{"thunderbird-fr", "Luc Martin",
		"Le 23/11/2026 à 10:02, Ada Lovelace a écrit :\n> Quelqu'un a une perceuse ?\n\nOui, je te la prête ce week-end.\n",
		"Oui, je te la prête ce week-end.", []string{"écrit", "perceuse"}},
	{"yahoo-fr", "Luc Martin",
		"Je passe la prendre à midi.\n\n\nLe lundi 23 novembre 2026, 10:02:13 UTC+1, Ada Lovelace <ada@example.org> a écrit :\n\n\nQui peut récupérer le colis ?\n",
		"Je passe la prendre à midi.", []string{"écrit", "colis"}},
	{"outlook-ios-fr", "Françoise Dubois",
		"Je regarde ça ce soir.\n\nObtenir Outlook pour iOS<https://aka.ms/o0ukef>\n________________________________\nDe : Ada Lovelace <ada@example.org>\nEnvoyé : lundi, novembre 23, 2026 10:02 AM\nÀ : Françoise Dubois <francoise@exemple.fr>\nObjet : Facture\n\nTu peux regarder la facture ?\n",
		"Je regarde ça ce soir.", []string{"Outlook", "facture ?"}},

	// Spanish.
	{"gmail-es-attribution-wrapped", "José García",
		"Hola Ada,\n\nMi prima es abogada laboral, te paso su teléfono: 600 123 456.\n\nUn abrazo,\nJosé\n\nEl lun, 23 nov 2026 a las 10:02, Ada Lovelace (<\nada@example.org>) escribió:\n\n> ¿Conoces un buen abogado?\n",
		"Mi prima es abogada laboral", []string{"escribió", "Conoces", "abrazo"}},
	{"ios-es-enviado-desde", "José García",
		"Sí, el jueves me va bien.\n\nEnviado desde mi iPhone\n\n> El 23 nov 2026, a las 10:02, Ada Lovelace <ada@example.org> escribió:\n>\n> ¿Te va bien el jueves?\n",
		"Sí, el jueves me va bien.", []string{"iPhone", "Te va bien"}},
	{"outlook-android-es", "Lucía Torres",
		"Te lo envío mañana.\n\nObtener Outlook para Android<https://aka.ms/AAb9ysg>\n________________________________\nDe: Ada Lovelace <ada@example.org>\nEnviado: lunes, 23 de noviembre de 2026 10:02\nPara: Lucía Torres <lucia@ejemplo.es>\nAsunto: Documento\n\n¿Me envías el documento?\n",
		"Te lo envío mañana.", []string{"Outlook", "Me envías"}},
	{"outlook-es-disclaimer", "Lucía Torres",
		"Buenos días,\n\nLa reunión queda confirmada para el martes a las 11.\n\nSaludos cordiales,\nLucía Torres\n\nEste mensaje y sus anexos son confidenciales y están dirigidos exclusivamente a su destinatario. Si lo ha recibido por error, le rogamos que lo comunique al remitente y lo elimine.\n\nDe: Ada Lovelace <ada@example.org>\nEnviado el: lunes, 23 de noviembre de 2026 10:02\nPara: Lucía Torres <lucia@ejemplo.es>\nAsunto: Reunión\n\n¿Confirmamos el martes?\n",
		"La reunión queda confirmada", []string{"confidenciales", "Saludos", "Confirmamos"}},

	// Italian.
	{"gmail-it-attribution-wrapped", "Giulia Rossi",
		"Ciao Ada,\n\nti consiglio la trattoria da Mario, in via Roma.\n\nUn abbraccio,\nGiulia\n\nIl giorno lun 23 nov 2026 alle ore 10:02 Ada Lovelace <\nada@example.org> ha scritto:\n\n> Un ristorante per sabato?\n",
		"ti consiglio la trattoria da Mario", []string{"scritto", "ristorante per", "abbraccio"}},
	{"ios-it-inviato-da-iphone", "Giulia Rossi",
		"Va benissimo, a domani.\n\nInviato da iPhone\n\n> Il giorno 23 nov 2026, alle ore 10:02, Ada Lovelace <ada@example.org> ha scritto:\n>\n> Ci vediamo domani?\n",
		"Va benissimo, a domani.", []string{"iPhone", "Ci vediamo"}},
	{"outlook-it-disclaimer", "Marco Bianchi",
		"Buongiorno,\n\nla pratica è stata inviata ieri.\n\nCordiali saluti\nMarco Bianchi\n\nQuesto messaggio e i suoi allegati sono indirizzati esclusivamente alle persone indicate e possono contenere informazioni riservate. Se avete ricevuto questo messaggio per errore, vi preghiamo di cancellarlo.\n\nDa: Ada Lovelace <ada@example.org>\nInviato: lunedì 23 novembre 2026 10:02\nA: Marco Bianchi <marco@esempio.it>\nOggetto: Pratica\n\nLa pratica è partita?\n",
		"la pratica è stata inviata ieri.", []string{"riservate", "saluti", "partita"}},

	// Dutch.
	{"gmail-nl", "Sanne de Vries",
		"Hoi Ada,\n\nIk kan je zaterdag helpen met verhuizen.\n\nGroetjes,\nSanne\n\nOp ma 23 nov. 2026 om 10:02 schreef Ada Lovelace <ada@example.org>:\n\n> Wie kan helpen?\n",
		"Ik kan je zaterdag helpen", []string{"schreef", "Wie kan", "Groetjes"}},
	{"ios-nl-het-volgende-geschreven", "Sanne de Vries",
		"Prima, tot morgen!\n\nVerstuurd vanaf mijn iPhone\n\n> Op 23 nov. 2026 om 10:02 heeft Ada Lovelace <ada@example.org> het volgende geschreven:\n>\n> Morgen om tien uur?\n",
		"Prima, tot morgen!", []string{"iPhone", "tien uur"}},
	{"thunderbird-nl-plain-volgende", "Sanne de Vries",
		"Ja hoor, ik neem de fiets mee.\n\nOp 23-11-2026 om 10:02 heeft Ada Lovelace het volgende geschreven:\n\nKan iemand de fiets ophalen?\n",
		"Ja hoor, ik neem de fiets mee.", []string{"geschreven", "ophalen"}},
	{"outlook-nl", "Pieter Jansen",
		"Het rapport staat op de gedeelde schijf.\n\nMet vriendelijke groet,\nPieter Jansen\n\nVan: Ada Lovelace <ada@example.org>\nVerzonden: maandag 23 november 2026 10:02\nAan: Pieter Jansen <pieter@voorbeeld.nl>\nOnderwerp: Rapport\n\nWaar staat het rapport?\n",
		"Het rapport staat op de gedeelde schijf.", []string{"Van:", "groet", "Waar staat"}},

	// Portuguese.
	{"gmail-pt", "João Silva",
		"Olá Ada,\n\nPosso emprestar a minha bicicleta no sábado.\n\nAbraços,\nJoão\n\nEm seg., 23 de nov. de 2026 às 10:02, Ada Lovelace <ada@example.org> escreveu:\n\n> Alguém tem uma bicicleta?\n",
		"Posso emprestar a minha bicicleta", []string{"escreveu", "Alguém", "Abraços"}},
	{"ios-pt-enviado-do-meu", "João Silva",
		"Combinado, até amanhã.\n\nEnviado do meu iPhone\n\n> Em 23 de nov. de 2026, à(s) 10:02, Ada Lovelace <ada@example.org> escreveu:\n>\n> Amanhã às 9?\n",
		"Combinado, até amanhã.", []string{"iPhone", "Amanhã às 9"}},
	{"outlook-pt", "Ana Costa",
		"Segue o contrato assinado.\n\nAtenciosamente,\nAna Costa\n\nDe: Ada Lovelace <ada@example.org>\nEnviado: segunda-feira, 23 de novembro de 2026 10:02\nPara: Ana Costa <ana@exemplo.com.br>\nAssunto: Contrato\n\nPode enviar o contrato?\n",
		"Segue o contrato assinado.", []string{"De:", "Atenciosamente", "Pode enviar"}},

	// Polish.
	{"thunderbird-pl-pisze", "Piotr Nowak",
		"Tak, mogę pomóc w sobotę.\n\nPozdrawiam\nPiotr\n\nW dniu 23.11.2026 o 10:02, Ada Lovelace pisze:\n> Kto może pomóc w sobotę?\n",
		"Tak, mogę pomóc w sobotę.", []string{"pisze", "Kto może", "Pozdrawiam"}},
	{"gmail-pl-napisal", "Piotr Nowak",
		"Mam wolne auto w piątek.\n\npon., 23 lis 2026 o 10:02 Ada Lovelace <ada@example.org> napisał(a):\n\n> Czy ktoś pożyczy auto?\n",
		"Mam wolne auto w piątek.", []string{"napisał", "pożyczy"}},
	{"ios-pl-wyslane-z", "Piotr Nowak",
		"Jasne, do jutra.\n\nWysłane z iPhone'a\n\n> Wiadomość napisana przez Ada Lovelace <ada@example.org> w dniu 23.11.2026, o godz. 10:02:\n>\n> Jutro o 8?\n",
		"Jasne, do jutra.", []string{"iPhone", "Jutro o 8"}},
	{"outlook-pl-header-block", "Anna Kowalska",
		"Faktura została opłacona wczoraj.\n\nZ poważaniem\nAnna Kowalska\n\nOd: Ada Lovelace <ada@example.org>\nWysłane: poniedziałek, 23 listopada 2026 10:02\nDo: Anna Kowalska <anna@przyklad.pl>\nTemat: Faktura\n\nCzy faktura jest opłacona?\n",
		"Faktura została opłacona wczoraj.", []string{"Od:", "poważaniem", "Czy faktura"}},

	// Scandinavian.
	{"gmail-sv-skrev", "Erik Lindqvist",
		"Hej Ada,\n\nJag kan låna ut min släpvagn på lördag.\n\nHälsningar\nErik\n\nDen mån 23 nov. 2026 kl 10:02 skrev Ada Lovelace <ada@example.org>:\n\n> Har någon en släpvagn?\n",
		"Jag kan låna ut min släpvagn", []string{"skrev", "Har någon", "Hälsningar"}},
	{"ios-sv-skickat-fran", "Erik Lindqvist",
		"Absolut, vi ses då.\n\nSkickat från min iPhone\n\n> 23 nov. 2026 kl. 10:02 skrev Ada Lovelace <ada@example.org>:\n>\n> Ses vi klockan sju?\n",
		"Absolut, vi ses då.", []string{"iPhone", "klockan sju"}},
	{"outlook-sv", "Erik Lindqvist",
		"Rapporten är klar, den ligger i mappen.\n\nMed vänliga hälsningar\nErik Lindqvist\n\nFrån: Ada Lovelace <ada@example.org>\nSkickat: den 23 november 2026 10:02\nTill: Erik Lindqvist <erik@exempel.se>\nÄmne: Rapport\n\nÄr rapporten klar?\n",
		"Rapporten är klar", []string{"Från:", "hälsningar", "Är rapporten"}},
	{"gmail-da-sendt-fra", "Mette Hansen",
		"Ja, jeg kan hente pakken i morgen.\n\nSendt fra min iPhone\n\nDen man. 23. nov. 2026 kl. 10.02 skrev Ada Lovelace <ada@example.org>:\n\n> Kan nogen hente pakken?\n",
		"Ja, jeg kan hente pakken i morgen.", []string{"iPhone", "skrev", "Kan nogen"}},
	{"gmail-no", "Ola Nordmann",
		"Jeg har en stige du kan låne.\n\nMed vennlig hilsen\nOla\n\nman. 23. nov. 2026 kl. 10:02 skrev Ada Lovelace <ada@example.org>:\n\n> Har noen en stige?\n",
		"Jeg har en stige du kan låne.", []string{"skrev", "Har noen", "hilsen"}},
	{"gmail-fi-kirjoitti", "Mikko Virtanen",
		"Voin auttaa muutossa lauantaina.\n\nTerveisin\nMikko\n\nLähetetty iPhonesta\n\nma 23.11.2026 klo 10.02 Ada Lovelace (ada@example.org) kirjoitti:\n\n> Kuka voi auttaa?\n",
		"Voin auttaa muutossa lauantaina.", []string{"kirjoitti", "Kuka voi", "Terveisin", "iPhonesta"}},

	// Russian and Ukrainian.
	{"gmail-ru-no-verb", "Ivan Petrov",
		"Привет, Ада!\n\nЯ могу помочь с переездом в субботу.\n\nпн, 23 нояб. 2026 г. в 10:02, Ada Lovelace <ada@example.org>:\n\n> Кто может помочь с переездом?\n",
		"Я могу помочь с переездом в субботу.", []string{"нояб", "Кто может"}},
	{"thunderbird-ru-pishet", "Ivan Petrov",
		"Да, ключи у меня.\n\nС уважением,\nИван\n\n23.11.2026 10:02, Ada Lovelace пишет:\n> У кого ключи?\n",
		"Да, ключи у меня.", []string{"пишет", "У кого", "уважением"}},
	{"ios-ru-otpravleno-s", "Ivan Petrov",
		"Хорошо, до завтра.\n\nОтправлено с iPhone\n\n> 23 нояб. 2026 г., в 10:02, Ada Lovelace <ada@example.org> написал(а):\n>\n> Завтра в 9?\n",
		"Хорошо, до завтра.", []string{"iPhone", "Завтра в 9"}},
	{"outlook-ru", "Ivan Petrov",
		"Документы отправлены курьером.\n\nС уважением,\nИван Петров\n\nОт: Ada Lovelace <ada@example.org>\nОтправлено: 23 ноября 2026 г. 10:02\nКому: Ivan Petrov <ivan@primer.ru>\nТема: Документы\n\nДокументы отправлены?\n",
		"Документы отправлены курьером.", []string{"От:", "уважением", "Документы отправлены?"}},
	{"gmail-uk-pyshe", "Olena Shevchenko",
		"Так, я можу позичити намет.\n\nпн, 23 лист. 2026 о 10:02 Ada Lovelace <ada@example.org> пише:\n\n> Хтось має намет?\n",
		"Так, я можу позичити намет.", []string{"пише", "Хтось"}},

	// East Asian.
	{"gmail-ja-no-verb", "Yuki Tanaka",
		"Adaさん\n\n来週の月曜日なら手伝えます。\n\n田中\n\n2026年11月23日(月) 10:02 Ada Lovelace <ada@example.org>:\n\n> 引っ越しを手伝ってくれる人はいますか？\n",
		"来週の月曜日なら手伝えます。", []string{"2026年", "引っ越し"}},
	{"ios-ja-kara-soushin", "Yuki Tanaka",
		"了解です、明日持っていきます。\n\niPhoneから送信\n\n> 2026/11/23 10:02、Ada Lovelace <ada@example.org>のメール:\n>\n> 明日持ってきてもらえますか？\n",
		"了解です、明日持っていきます。", []string{"iPhone", "明日持ってきて"}},
	{"outlook-ja-header-block", "Yuki Tanaka",
		"資料を共有フォルダに入れました。\n\n差出人: Ada Lovelace <ada@example.org>\n送信日時: 2026年11月23日 10:02\n宛先: Yuki Tanaka <yuki@rei.jp>\n件名: 資料\n\n資料はどこですか？\n",
		"資料を共有フォルダに入れました。", []string{"差出人", "資料はどこ"}},
	{"gmail-zh-xiedao", "Li Wei",
		"我周六可以帮你搬家。\n\n发自我的iPhone\n\nAda Lovelace <ada@example.org> 于2026年11月23日周一 10:02写道：\n\n> 谁能帮我搬家？\n",
		"我周六可以帮你搬家。", []string{"写道", "谁能", "iPhone"}},
	{"outlook-zh-header-block", "Li Wei",
		"合同已经签好了。\n\n发件人: Ada Lovelace <ada@example.org>\n发送时间: 2026年11月23日 10:02\n收件人: Li Wei <liwei@lizi.cn>\n主题: 合同\n\n合同签了吗？\n",
		"合同已经签好了。", []string{"发件人", "合同签了吗"}},
	{"gmail-ko-jakseong", "Kim Minjun",
		"토요일에 이사 도와줄 수 있어요.\n\n2026년 11월 23일 (월) 오전 10:02, Ada Lovelace <ada@example.org>님이 작성:\n\n> 이사 도와줄 사람 있나요?\n",
		"토요일에 이사 도와줄 수 있어요.", []string{"작성", "도와줄 사람"}},

	// More European languages.
	{"gmail-cs-napsal", "Petr Novák",
		"Ahoj Ado,\n\nv sobotu ti rád pomůžu.\n\nS pozdravem\nPetr\n\npo 23. 11. 2026 v 10:02 odesílatel Ada Lovelace <ada@example.org> napsal:\n\n> Kdo mi pomůže?\n",
		"v sobotu ti rád pomůžu.", []string{"napsal", "Kdo mi", "pozdravem"}},
	{"gmail-tr-yazdi", "Ayşe Yılmaz",
		"Cumartesi yardım edebilirim.\n\nSaygılarımla\nAyşe\n\nAda Lovelace <ada@example.org>, 23 Kas 2026 Pzt, 10:02 tarihinde şunu yazdı:\n\n> Kim yardım edebilir?\n",
		"Cumartesi yardım edebilirim.", []string{"yazdı", "Kim yardım", "Saygılarımla"}},
	{"gmail-el-egrapse", "Nikos Papadopoulos",
		"Μπορώ να βοηθήσω το Σάββατο.\n\nΣτις Δευ 23 Νοε 2026 στις 10:02, ο/η Ada Lovelace <ada@example.org> έγραψε:\n\n> Ποιος μπορεί να βοηθήσει;\n",
		"Μπορώ να βοηθήσω το Σάββατο.", []string{"έγραψε", "Ποιος"}},
	{"gmail-hu-ezt-irta", "Eszter Nagy",
		"Szombaton tudok segíteni.\n\nÜdvözlettel\nEszter\n\nAda Lovelace <ada@example.org> ezt írta (időpont: 2026. nov. 23., H, 10:02):\n\n> Ki tud segíteni?\n",
		"Szombaton tudok segíteni.", []string{"írta", "Ki tud", "Üdvözlettel"}},
	{"gmail-ro-a-scris", "Andrei Popescu",
		"Pot să te ajut sâmbătă.\n\nPe lun., 23 nov. 2026 la 10:02, Ada Lovelace <ada@example.org> a scris:\n\n> Cine mă poate ajuta?\n",
		"Pot să te ajut sâmbătă.", []string{"scris", "Cine mă"}},
	{"gmail-vi-da-viet", "Nguyen An",
		"Mình có thể giúp vào thứ Bảy.\n\nVào Th 2, 23 thg 11, 2026 vào lúc 10:02 Ada Lovelace <ada@example.org> đã viết:\n\n> Ai có thể giúp?\n",
		"Mình có thể giúp vào thứ Bảy.", []string{"viết", "Ai có thể"}},
	{"gmail-id-menulis", "Budi Santoso",
		"Saya bisa bantu hari Sabtu.\n\nPada tanggal Sen, 23 Nov 2026 pukul 10.02 Ada Lovelace <ada@example.org> menulis:\n\n> Siapa yang bisa bantu?\n",
		"Saya bisa bantu hari Sabtu.", []string{"menulis", "Siapa"}},

	// HTML, by structure.
	{"gmail-html-de-signature", "Carol Schmidt", htmlMsg(
		`<div dir="ltr"><div>Hallo Ada,</div><div><br></div><div>der Elternabend ist am Donnerstag um 19 Uhr.</div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Carol Schmidt<br>Projektleitung</div></div><br>`,
		`<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Am Mo., 23. Nov. 2026 um 10:02 Uhr schrieb Ada Lovelace &lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">Wann ist der Elternabend?</div></blockquote></div>`),
		"der Elternabend ist am Donnerstag um 19 Uhr.", []string{"schrieb", "Wann ist", "Projektleitung"}},
	{"gmail-html-lt-unknown-attribution", "Jonas Kazlauskas", htmlMsg(
		`<div dir="ltr">Galiu padėti šeštadienį.</div><br>`,
		`<div class="gmail_quote"><div dir="ltr" class="gmail_attr">2026-11-23, pr, 10:02 Ada Lovelace &lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt; rašė:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">Kas gali padėti?</div></blockquote></div>`),
		"Galiu padėti šeštadienį.", []string{"rašė", "Kas gali", "2026"}},
	{"gmail-html-en-interleaved", "Bob Chen", htmlMsg(
		`<div dir="ltr">Answers inline.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace &lt;ada@example.org&gt; wrote:<br></div>`,
		`<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div dir="ltr">Can you do Tuesday?</div></blockquote><div>Yes, Tuesday is fine.</div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div>And bring the cable?</div></blockquote><div>I will bring two.</div></div>`),
		"Answers inline. Yes, Tuesday is fine. I will bring two.", []string{"wrote", "Can you do"}},
	{"outlook-web-html-pl-divrplyfwdmsg", "Anna Kowalska", htmlMsg(
		`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">Przesyłam umowę w załączniku.</div>`,
		`<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Od:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Wysłane:</b> poniedziałek, 23 listopada 2026 10:02<br><b>Do:</b> Anna Kowalska &lt;anna@przyklad.pl&gt;<br><b>Temat:</b> Umowa</font><div>&nbsp;</div></div>`,
		`<div><div dir="ltr">Czy możesz przesłać umowę?</div></div></body></html>`),
		"Przesyłam umowę w załączniku.", []string{"Od:", "Czy możesz", "Temat"}},
	{"outlook-html-ro-border-top", "Andrei Popescu", htmlMsg(
		`<html><body lang=RO><div class=WordSection1><p class=MsoNormal>Am trimis factura azi-dimineață.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>`,
		`<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>De la:</b> Ada Lovelace &lt;ada@example.org&gt; <br><b>Trimis:</b> luni, 23 noiembrie 2026 10:02<br><b>Către:</b> Andrei Popescu &lt;andrei@exemplu.ro&gt;<br><b>Subiect:</b> Factura<o:p></o:p></p></div></div>`,
		`<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Ai trimis factura?<o:p></o:p></p></div></body></html>`),
		"Am trimis factura azi-dimineață.", []string{"De la", "Ai trimis", "Subiect"}},
	{"apple-html-fr-blockquote-cite", "Françoise Dubois", htmlMsg(
		`<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">Oui, je peux passer jeudi.<div><br></div><div>Françoise<br><br><div dir="ltr">Envoyé de mon iPad</div>`,
		`<div dir="ltr"><br><blockquote type="cite">Le 23 nov. 2026 à 10:02, Ada Lovelace &lt;ada@example.org&gt; a écrit&nbsp;:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Tu peux passer jeudi ?</div></blockquote></div></body></html>`),
		"Oui, je peux passer jeudi.", []string{"iPad", "écrit", "passer jeudi ?"}},
	{"thunderbird-html-de-moz-cite", "Jens Vogel", htmlMsg(
		`<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><p>Hallo Ada,</p><p>die Bohrmaschine steht im Keller.</p>`,
		`<div class="moz-signature">-- <br>Jens Vogel<br>Hausmeister</div><div class="moz-cite-prefix">Am 23.11.26 um 10:02 schrieb Ada Lovelace:<br></div><blockquote type="cite" cite="mid:ask-drill@example.org"><p>Wo ist die Bohrmaschine?</p></blockquote></body></html>`),
		"die Bohrmaschine steht im Keller.", []string{"schrieb", "Wo ist", "Hausmeister"}},
	{"thunderbird-html-lv-moz-cite-unknown", "Jānis Bērziņš", htmlMsg(
		`<html><body><p>Jā, es varu palīdzēt sestdien.</p>`,
		`<div class="moz-cite-prefix">23.11.2026 10:02, Ada Lovelace rakstīja:<br></div><blockquote type="cite"><p>Kas var palīdzēt?</p></blockquote></body></html>`),
		"Jā, es varu palīdzēt sestdien.", []string{"rakstīja", "Kas var"}},
	{"yahoo-html-en-yahoo-quoted", "Linda Park", htmlMsg(
		`<html><head></head><body><div class="ydp3f2a yahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:16px;"><div dir="ltr" data-setdir="false">I can lend you my tent for the weekend.</div></div>`,
		`<div id="ydp9b1yahoo_quoted_1234567890" class="ydp9b1yahoo_quoted"><div style="font-family:'Helvetica Neue', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;"><div>On Monday, November 23, 2026, 10:02:13 AM GMT+1, Ada Lovelace &lt;ada@example.org&gt; wrote:</div><div><br></div><div><br></div><div><div dir="ltr">Does anyone have a tent?</div></div></div></div></body></html>`),
		"I can lend you my tent for the weekend.", []string{"wrote", "Does anyone"}},
	{"yahoo-html-it-quoted-unknown-form", "Giulia Rossi", htmlMsg(
		`<html><body><div class="yahoo-style-wrap"><div dir="ltr">Te lo porto domani.</div></div>`,
		`<div id="yahoo_quoted_987" class="yahoo_quoted"><div><div>In lunedì 23 novembre 2026, 10:02:13 CET, Ada Lovelace &lt;ada@example.org&gt; ha scritto:</div><div><br></div><div><div dir="ltr">Mi porti il libro?</div></div></div></div></body></html>`),
		"Te lo porto domani.", []string{"scritto", "Mi porti"}},
	{"proton-html-en", "Sam Rivera", htmlMsg(
		`<div style="font-family: Arial, sans-serif; font-size: 14px;">The form goes to the town hall, second floor.</div><div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div>`,
		`<div class="protonmail_signature_block" style="font-family: Arial, sans-serif; font-size: 14px;"><div class="protonmail_signature_block-proton">Sent with <a target="_blank" href="https://proton.me/">Proton Mail</a> secure email.</div></div><div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div>`,
		`<div class="protonmail_quote">On Monday, November 23rd, 2026 at 10:02 AM, Ada Lovelace &lt;ada@example.org&gt; wrote:<br><blockquote class="protonmail_quote" type="cite"><div>Where does the form go?</div></blockquote><br></div>`),
		"The form goes to the town hall, second floor.", []string{"Proton", "wrote", "Where does"}},
	{"outlook-ios-html-hu", "Eszter Nagy", htmlMsg(
		`<html><body><div dir="ltr"><div dir="ltr" style="font-family:Aptos,sans-serif;font-size:12pt">Holnap hozom a létrát.</div><div id="ms-outlook-mobile-signature"><div dir="ltr">Get <a href="https://aka.ms/o0ukef">Outlook for iOS</a></div></div>`,
		`<div id="mail-editor-reference-message-container"><div class="ms-outlook-mobile-reference-message"><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><b>Feladó:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Elküldve:</b> hétfő, november 23, 2026 10:02<br><b>Címzett:</b> Eszter Nagy &lt;eszter@pelda.hu&gt;<br><b>Tárgy:</b> Létra</div><div>Van létrád?</div></div></div></div></body></html>`),
		"Holnap hozom a létrát.", []string{"Outlook", "Feladó", "Van létrád"}},
	{"outlook-alternative-hu-plain-unknown-labels", "Eszter Nagy", altMsg(
		"Átküldtem a táblázatot.\n\nFeladó: Ada Lovelace <ada@example.org>\nElküldve: 2026. november 23., hétfő 10:02\nCímzett: Eszter Nagy <eszter@pelda.hu>\nTárgy: Táblázat\n\nElküldenéd a táblázatot?\n",
		`<html><body lang=HU><div class=WordSection1><p class=MsoNormal>Átküldtem a táblázatot.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Feladó:</b> Ada Lovelace &lt;ada@example.org&gt; <br><b>Elküldve:</b> 2026. november 23., hétfő 10:02<br><b>Címzett:</b> Eszter Nagy &lt;eszter@pelda.hu&gt;<br><b>Tárgy:</b> Táblázat<o:p></o:p></p></div></div><p class=MsoNormal>Elküldenéd a táblázatot?<o:p></o:p></p></div></body></html>`),
		"Átküldtem a táblázatot.", []string{"Feladó", "Elküldenéd"}},
	{"gmail-alternative-lt-plain-unknown-attribution", "Jonas Kazlauskas", altMsg(
		"Taip, atvešiu rytoj.\n\n2026-11-23, pr, 10:02 Ada Lovelace <ada@example.org> rašė:\n\n> Ar gali atvežti?\n",
		`<div dir="ltr">Taip, atvešiu rytoj.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">2026-11-23, pr, 10:02 Ada Lovelace &lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt; rašė:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div dir="ltr">Ar gali atvežti?</div></blockquote></div>`),
		"Taip, atvešiu rytoj.", []string{"rašė", "Ar gali"}},
	{"outlook-web-html-lt-divrplyfwdmsg-unknown-labels", "Jonas Kazlauskas", htmlMsg(
		`<html><body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">Sąskaitą apmokėjau vakar.</div>`,
		`<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>Nuo:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Išsiųsta:</b> 2026 m. lapkričio 23 d. 10:02<br><b>Kam:</b> Jonas Kazlauskas &lt;jonas@pavyzdys.lt&gt;<br><b>Tema:</b> Sąskaita</font><div>&nbsp;</div></div>`,
		`<div><div dir="ltr">Ar apmokėjai sąskaitą?</div></div></body></html>`),
		"Sąskaitą apmokėjau vakar.", []string{"Nuo:", "Ar apmokėjai"}},
	{"outlook-html-et-border-top-unknown-labels", "Kadri Tamm", htmlMsg(
		`<html><body lang=ET><div class=WordSection1><p class=MsoNormal>Leping on allkirjastatud.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>`,
		`<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Saatja:</b> Ada Lovelace &lt;ada@example.org&gt; <br><b>Saadetud:</b> esmaspäev, 23. november 2026 10:02<br><b>Adressaat:</b> Kadri Tamm &lt;kadri@naide.ee&gt;<br><b>Teema:</b> Leping<o:p></o:p></p></div></div>`,
		`<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Kas leping on valmis?<o:p></o:p></p></div></body></html>`),
		"Leping on allkirjastatud.", []string{"Saatja", "Kas leping"}},
	{"outlook-ios-html-lv-reference-container", "Jānis Bērziņš", htmlMsg(
		`<html><body><div dir="ltr"><div dir="ltr">Rīt atvedīšu kāpnes.</div><div id="ms-outlook-mobile-signature"><div dir="ltr">Iegūstiet <a href="https://aka.ms/o0ukef">Outlook for iOS</a></div></div>`,
		`<div id="mail-editor-reference-message-container"><div class="ms-outlook-mobile-reference-message"><b>No:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Nosūtīts:</b> pirmdiena, 2026. gada 23. novembris 10:02<br><b>Kam:</b> Jānis Bērziņš &lt;janis@piemers.lv&gt;<br><b>Tēma:</b> Kāpnes<br><br><div>Vai tev ir kāpnes?</div></div></div></div></body></html>`),
		"Rīt atvedīšu kāpnes.", []string{"Outlook", "Nosūtīts", "Vai tev"}},
	{"thunderbird-html-is-moz-cite-unknown", "Sigríður Jónsdóttir", htmlMsg(
		`<html><body><p>Já, ég get hjálpað á laugardaginn.</p>`,
		`<div class="moz-cite-prefix">Þann 23.11.2026 kl. 10:02 skrifaði Ada Lovelace:<br></div><blockquote type="cite"><p>Getur einhver hjálpað?</p></blockquote></body></html>`),
		"Já, ég get hjálpað á laugardaginn.", []string{"skrifaði", "Getur"}},
	{"gmail-html-cy-unknown-attribution", "Rhys Evans", htmlMsg(
		`<div dir="ltr">Gallaf helpu ddydd Sadwrn.</div><br>`,
		`<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Ar ddydd Llun, 23 Tach 2026 am 10:02, Ada Lovelace &lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt; ysgrifennodd:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div dir="ltr">Pwy all helpu?</div></blockquote></div>`),
		"Gallaf helpu ddydd Sadwrn.", []string{"ysgrifennodd", "Pwy all"}},
	{"yahoo-html-cy-quoted-unknown", "Rhys Evans", htmlMsg(
		`<html><body><div class="yahoo-style-wrap"><div dir="ltr">Dof i â'r llyfr yfory.</div></div>`,
		`<div id="yahoo_quoted_555" class="yahoo_quoted"><div><div>Ar ddydd Llun, 23 Tachwedd 2026, 10:02:13 GMT, Ada Lovelace ysgrifennodd</div><div><br></div><div><div dir="ltr">Wnei di ddod â'r llyfr?</div></div></div></div></body></html>`),
		"Dof i â'r llyfr yfory.", []string{"ysgrifennodd", "Wnei di"}},
	{"proton-html-is-unknown", "Sigríður Jónsdóttir", htmlMsg(
		`<div style="font-family: Arial, sans-serif; font-size: 14px;">Eyðublaðið fer á bæjarskrifstofuna.</div>`,
		`<div class="protonmail_quote">Þann mánudagur, 23. nóvember 2026 kl. 10:02, Ada Lovelace &lt;ada@example.org&gt; skrifaði:<br><blockquote class="protonmail_quote" type="cite"><div>Hvert fer eyðublaðið?</div></blockquote><br></div>`),
		"Eyðublaðið fer á bæjarskrifstofuna.", []string{"skrifaði", "Hvert fer"}},
	{"outlook-alternative-lt-plain-unknown-labels", "Jonas Kazlauskas", altMsg(
		"Lentelę išsiunčiau.\n\nNuo: Ada Lovelace <ada@example.org>\nIšsiųsta: 2026 m. lapkričio 23 d. 10:02\nKam: Jonas Kazlauskas <jonas@pavyzdys.lt>\nTema: Lentelė\n\nAr atsiųsi lentelę?\n",
		`<html><body lang=LT><div class=WordSection1><p class=MsoNormal>Lentelę išsiunčiau.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Nuo:</b> Ada Lovelace &lt;ada@example.org&gt; <br><b>Išsiųsta:</b> 2026 m. lapkričio 23 d. 10:02<br><b>Kam:</b> Jonas Kazlauskas &lt;jonas@pavyzdys.lt&gt;<br><b>Tema:</b> Lentelė<o:p></o:p></p></div></div><p class=MsoNormal>Ar atsiųsi lentelę?<o:p></o:p></p></div></body></html>`),
		"Lentelę išsiunčiau.", []string{"Nuo:", "Ar atsiųsi"}},
	{"gmail-html-signature-above-quote", "Bob Chen", htmlMsg(
		`<div dir="ltr">The router password is on the sticker.<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">Bob Chen<div>Facilities, Example Corp</div></div></div></div><br>`,
		`<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace &lt;ada@example.org&gt; wrote:<br></div><blockquote class="gmail_quote"><div dir="ltr">What's the router password?</div></blockquote></div>`),
		"The router password is on the sticker.", []string{"Facilities", "wrote", "What's"}},
	{"k9-html-es-signature", "Lucía Torres", htmlMsg(
		`<html><body><div dir="auto">Llego a las 8, guárdame sitio.</div><div class="k9mail-signature">-- <br>Enviado desde mi dispositivo Android con K-9 Mail.</div>`,
		`<div class="gmail_quote">El 23 de noviembre de 2026 10:02:50 CET, Ada Lovelace &lt;ada@example.org&gt; escribió:<blockquote class="gmail_quote" style="margin: 0pt 0pt 0pt 0.8ex; border-left: 1px solid rgb(204, 204, 204); padding-left: 1ex;"><pre class="k9mail">¿A qué hora llegas?</pre></blockquote></div></body></html>`),
		"Llego a las 8, guárdame sitio.", []string{"K-9", "escribió", "qué hora"}},
}

// replyWorldLater was written after the code was fixed against
// replyWorld, to see how it does on replies it was not tuned on; and
// replies whose own text looks like the words around one (a colon line,
// "I wrote", "Sent from the warehouse"), which must be kept.
var replyWorldLater = []struct {
	name   string
	from   string
	body   string
	starts string
	not    []string
}{
	{"gmail-en-own-colon-list", "Bob Chen",
		"Hi Ada,\n\nI wrote to the council on 12 Nov about it, and they said:\n- the permit takes 3 weeks\n- the fee is 40 EUR\n\nBob\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n> How long does the permit take?\n",
		"I wrote to the council on 12 Nov about it, and they said: - the permit takes 3 weeks - the fee is 40 EUR", []string{"How long"}},
	{"gmail-en-sent-from-the-warehouse", "Bob Chen",
		"Sent from the warehouse this morning, it should arrive Friday.\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n> Did the parcel go out?\n",
		"Sent from the warehouse this morning", []string{"parcel"}},
	{"gmail-en-yes-first-line", "Bob Chen",
		"Yes,\n\nthe meeting is at 4 in room B.\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n> Is the meeting at 4?\n",
		"Yes, the meeting is at 4 in room B.", []string{"Is the meeting"}},
	{"thunderbird-en-on-it-then-attribution", "Tom Baker",
		"On it, will report back tonight.\n\nOn 23/11/2026 10:02, Ada Lovelace wrote:\n> Can you check the boiler?\n",
		"On it, will report back tonight.", []string{"boiler", "wrote"}},
	{"outlook-en-this-email-is-to-confirm", "Mark Evans",
		"This email is to confirm your booking for Saturday at 7pm, table for four.\n\nKind regards,\nMark Evans\nThe Harbour Restaurant\n\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:02 AM\nTo: Mark Evans <mark@example.com>\nSubject: Booking\n\nCan I book a table?\n",
		"This email is to confirm your booking", []string{"Kind regards", "Can I book"}},
	{"apple-en-iphone-footer-quoted-attribution", "Grace Hopper",
		"Sure thing. I'll leave it by the door.\n\nSent from my iPad\n\n> On 23 Nov 2026, at 10:02, Ada Lovelace <ada@example.org> wrote:\n> \n> Can you leave the book by the door?\n",
		"Sure thing. I'll leave it by the door.", []string{"iPad", "Can you leave"}},
	{"gmail-de-lieber-nicht", "Carol Schmidt",
		"Lieber nicht am Sonntag, aber Samstag geht.\n\nAm Mo., 23. Nov. 2026 um 10:02 Uhr schrieb Ada Lovelace <ada@example.org>:\n> Sonntag?\n",
		"aber Samstag geht.", []string{"schrieb"}},
	{"outlook-de-mfg-signature-block", "Frank Weber",
		"Guten Tag Frau Lovelace,\n\nanbei das Exposé zur Wohnung in der Kastanienallee.\n\nMit freundlichen Grüßen\n\nFrank Weber\nWeber Immobilien GmbH\nTel. +49 30 1234567\n\n-----Ursprüngliche Nachricht-----\nVon: Ada Lovelace <ada@example.org>\nGesendet: Montag, 23. November 2026 10:02\nAn: Frank Weber <frank@beispiel.de>\nBetreff: Exposé\n\nHaben Sie ein Exposé?\n",
		"anbei das Exposé zur Wohnung", []string{"Grüßen", "Immobilien", "Haben Sie"}},
	{"gmail-fr-merci-name", "Françoise Dubois",
		"Coucou Ada,\n\nLe numéro du plombier est le 06 12 34 56 78.\n\nMerci, Françoise\n\nLe lun. 23 nov. 2026 à 10:02, Ada Lovelace <ada@example.org> a écrit :\n> Tu as son numéro ?\n",
		"Le numéro du plombier est le 06 12 34 56 78.", []string{"Merci", "numéro ?"}},
	{"thunderbird-fr-le-sans-adresse", "Luc Martin",
		"Le 23/11/2026 à 10:02, Ada Lovelace a écrit :\n> Tu viens samedi ?\nOui, vers 15 h.\n> Tu amènes le gâteau ?\nBien sûr.\n",
		"Oui, vers 15 h. Bien sûr.", []string{"écrit", "samedi ?"}},
	{"gmail-es-android-footer", "José García",
		"Te mando la dirección del despacho esta tarde.\n\nEnviado desde mi Galaxy\n\nEl lun, 23 nov 2026, 10:02, Ada Lovelace <ada@example.org> escribió:\n> ¿Dónde está el despacho?\n",
		"Te mando la dirección del despacho esta tarde.", []string{"Galaxy", "Dónde"}},
	{"outlook-es-mx-original", "Lucía Torres",
		"Listo, ya quedó registrado.\n\nSaludos!\n\n-----Mensaje original-----\nDe: Ada Lovelace [mailto:ada@example.org]\nEnviado el: lunes, 23 de noviembre de 2026 10:02 a.m.\nPara: Lucía Torres\nAsunto: Registro\n\n¿Ya me registraste?\n",
		"Listo, ya quedó registrado.", []string{"Saludos", "registraste"}},
	{"ios-it-firma", "Giulia Rossi",
		"Certo, passo io a prenderlo.\n\nGiulia\n\nInviato da iPhone\n\n> Il giorno 23 nov 2026, alle ore 10:02, Ada Lovelace <ada@example.org> ha scritto:\n> \n> Chi passa a prenderlo?\n",
		"Certo, passo io a prenderlo.", []string{"Giulia", "iPhone", "Chi passa"}},
	{"outlook-nl-oorspronkelijk", "Pieter Jansen",
		"Geregeld, de monteur komt donderdag.\n\nGroet,\nPieter\n\n-----Oorspronkelijk bericht-----\nVan: Ada Lovelace <ada@example.org>\nVerzonden: maandag 23 november 2026 10:02\nAan: Pieter Jansen\nOnderwerp: Monteur\n\nKomt de monteur?\n",
		"Geregeld, de monteur komt donderdag.", []string{"Groet", "Komt de"}},
	{"gmail-pt-br-obrigada", "Ana Costa",
		"Oi Ada, tudo bem?\n\nO contador se chama Paulo, o telefone é 11 98765-4321.\n\nBeijos,\nAna\n\nEm seg., 23 de nov. de 2026 às 10:02, Ada Lovelace <ada@example.org> escreveu:\n> Conhece um contador?\n",
		"O contador se chama Paulo", []string{"Beijos", "Conhece"}},
	{"gmail-pl-wrapped", "Piotr Nowak",
		"Mogę pożyczyć przyczepkę w niedzielę.\n\npon., 23 lis 2026 o 10:02 Ada Lovelace <ada@example.org>\nnapisał(a):\n\n> Ktoś ma przyczepkę?\n",
		"Mogę pożyczyć przyczepkę w niedzielę.", []string{"napisał", "Ktoś"}},
	{"gmail-sv-tack-name", "Erik Lindqvist",
		"Hej!\n\nElektrikern heter Johan, han är bra och billig.\n\nMvh Erik\n\nDen mån 23 nov. 2026 kl 10:02 skrev Ada Lovelace <ada@example.org>:\n> Känner du en elektriker?\n",
		"Elektrikern heter Johan", []string{"Mvh", "Känner"}},
	{"outlook-da-videresendt-header", "Mette Hansen",
		"Jeg har booket lokalet til kl. 14.\n\nVenlig hilsen\nMette\n\nFra: Ada Lovelace <ada@example.org>\nSendt: 23. november 2026 10:02\nTil: Mette Hansen <mette@eksempel.dk>\nEmne: Lokale\n\nKan du booke et lokale?\n",
		"Jeg har booket lokalet til kl. 14.", []string{"hilsen", "Kan du"}},
	{"gmail-ru-spasibo-wrapped", "Ivan Petrov",
		"Ада, привет!\n\nНомер мастера: +7 900 123-45-67.\n\nпн, 23 нояб. 2026 г. в 10:02, Ada Lovelace <\nada@example.org>:\n\n> Есть номер мастера?\n",
		"Номер мастера: +7 900 123-45-67.", []string{"нояб", "Есть номер"}},
	{"gmail-ja-wrapped", "Yuki Tanaka",
		"お疲れ様です。\n\n会議室は3階のBです。\n\nよろしくお願いします。\n\n2026年11月23日(月) 10:02 Ada Lovelace <\nada@example.org>:\n\n> 会議室はどこですか？\n",
		"会議室は3階のBです。", []string{"よろしく", "会議室はどこ"}},
	{"gmail-zh-tw", "Chen Mei",
		"我明天可以幫你拿。\n\nAda Lovelace <ada@example.org> 於 2026年11月23日 週一 上午10:02寫道：\n\n> 誰可以幫我拿包裹？\n",
		"我明天可以幫你拿。", []string{"寫道", "包裹"}},
	{"gmail-tr-wrapped", "Ayşe Yılmaz",
		"Tesisatçının numarası 0532 123 45 67.\n\nAda Lovelace <ada@example.org>, 23 Kas 2026 Pzt, 10:02 tarihinde şunu\nyazdı:\n\n> Tesisatçı tanıyor musun?\n",
		"Tesisatçının numarası 0532 123 45 67.", []string{"yazdı", "tanıyor"}},
	{"outlook-web-html-en-signature-div", "Mark Evans", htmlMsg(
		`<html><body dir="ltr"><div style="font-family: Aptos, sans-serif; font-size: 12pt;">Hi Ada,</div><div style="font-family: Aptos, sans-serif; font-size: 12pt;"><br></div><div style="font-family: Aptos, sans-serif; font-size: 12pt;">The van is free on Saturday, keys at reception.</div><div id="Signature"><div>Mark Evans<br>Fleet Manager | Example Logistics</div></div>`,
		`<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Sent:</b> Monday, November 23, 2026 10:02<br><b>To:</b> Mark Evans<br><b>Subject:</b> Van</div><div>Is the van free?</div></body></html>`),
		"The van is free on Saturday, keys at reception.", []string{"Fleet Manager", "Is the van"}},
	{"apple-html-de-signature-plain", "Carol Schmidt", htmlMsg(
		`<html><body style="overflow-wrap: break-word;">Die Anmeldung geht online, Termine gibt es meist donnerstags früh.<div><br></div><div>Liebe Grüße<br>Carol</div>`,
		`<div><br><blockquote type="cite"><div>Am 23.11.2026 um 10:02 schrieb Ada Lovelace &lt;ada@example.org&gt;:</div><br class="Apple-interchange-newline"><div><div>Wie melde ich mich an?</div></div></blockquote></div><br></body></html>`),
		"Die Anmeldung geht online", []string{"Grüße", "schrieb", "Wie melde"}},
	{"thunderbird-html-en-interleaved", "Tom Baker", htmlMsg(
		`<html><body><div class="moz-cite-prefix">On 23/11/2026 10:02, Ada Lovelace wrote:<br></div><blockquote type="cite"><p>Who has the projector?</p></blockquote><p>I do, it's in my office.</p><blockquote type="cite"><p>And the cable?</p></blockquote><p>Also here.</p>`,
		`<div class="moz-signature">-- <br>Tom</div></body></html>`),
		"I do, it's in my office. Also here.", []string{"wrote", "Who has", "projector?"}},
	{"gmail-html-es-forward-inside-reply", "José García", htmlMsg(
		`<div dir="ltr">Te reenvío lo que me mandó el abogado.</div><br>`,
		`<div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>De: <strong class="gmail_sendername">Despacho Ruiz</strong> &lt;info@despacho.example&gt;<br>Date: lun, 23 nov 2026 a las 9:00<br>Subject: Cita<br>To: José García &lt;jose@ejemplo.es&gt;<br></div><br><br><div dir="ltr">La cita es el martes a las 10.</div></div>`),
		"Te reenvío lo que me mandó el abogado.", []string{"Forwarded", "La cita"}},
	{"outlook-alternative-en-plain-preferred", "Priya Shah", altMsg(
		"Approved, go ahead with the order.\n\nPriya\n\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:02 AM\nTo: Priya Shah <priya@example.com>\nSubject: Order\n\nCan I place the order?\n",
		`<html><body><div class=WordSection1><p class=MsoNormal>Approved, go ahead with the order.<o:p></o:p></p><p class=MsoNormal>Priya<o:p></o:p></p><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in'><p class=MsoNormal><b>From:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Sent:</b> Monday, November 23, 2026 10:02 AM<br><b>To:</b> Priya Shah<br><b>Subject:</b> Order</p></div><p class=MsoNormal>Can I place the order?</p></div></body></html>`),
		"Approved, go ahead with the order.", []string{"Priya", "Can I place"}},
	{"gmail-en-banner-on-top", "Priya Shah",
		"CAUTION: This email originated from outside of the organization. Do not click links unless you recognize the sender.\n\nHi Ada,\n\nThe visitor badge is ready at the front desk.\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n> Is my badge ready?\n",
		"The visitor badge is ready at the front desk.", []string{"CAUTION", "Is my badge"}},
	{"gmail-en-here-is-what-bob-wrote", "Linda Park",
		"Here is what Bob wrote to me last week:\n\n> The boiler needs a new valve.\n\nSo I'd call the plumber.\n\nOn Mon, Nov 23, 2026 at 10:02 AM Ada Lovelace <ada@example.org> wrote:\n> What's wrong with the boiler?\n",
		"So I'd call the plumber.", []string{"What's wrong"}},
	{"k9-de-name-first-attribution-after-address-line", "Jens Vogel",
		"Frag bei jens@beispiel.de nach dem Schlüssel\nAda Lovelace <ada@example.org> schrieb am 23. November 2026 10:02:50 MEZ:\n>Wo ist der Schlüssel?\n",
		"Frag bei jens@beispiel.de nach dem Schlüssel", []string{"schrieb", "Wo ist"}},
	{"gmail-zh-wrapped-before-time", "Li Wei",
		"我明天下午有空。\n\nAda Lovelace <ada@example.org> 于2026年11月23日周一\n10:02写道：\n\n> 谁有空？\n",
		"我明天下午有空。", []string{"写道", "2026", "谁有空"}},
	{"samsung-ru-original-message-title", "Ivan Petrov",
		"Ключи оставил у соседки.\n\n\n\nОтправлено с устройства Galaxy\n\n\n-------- Исходное сообщение --------\nОт: Ada Lovelace <ada@example.org>\nДата: 23.11.2026 10:02 (GMT+01:00)\nКому: Ivan Petrov <ivan@example.ru>\nТема: Ключи\n\nГде ключи?\n",
		"Ключи оставил у соседки.", []string{"Galaxy", "Исходное", "Где ключи"}},
	{"samsung-cs-original-title-no-footer", "Petr Novák",
		"Klíče jsou u sousedky.\n\n-------- Původní zpráva --------\nOd: Ada Lovelace <ada@example.org>\nDatum: 23.11.2026 10:02 (GMT+01:00)\nKomu: Petr Novák <petr@priklad.cz>\nPředmět: Klíče\n\nKde jsou klíče?\n",
		"Klíče jsou u sousedky.", []string{"Původní", "Kde jsou"}},
	{"windows-mail-html-header-box", "Mark Evans", htmlMsg(
		`<html><body><div>The shed key is in the blue pot.</div><div><br></div>`,
		`<div style="padding-top: 5px; border-top-color: rgb(229, 229, 229); border-top-width: 1px; border-top-style: solid;"><div><font face="Arial"><b>Lähettäjä:</b> Ada Lovelace</font></div><div><b>Lähetetty:</b> 23. marraskuuta 2026 10.02</div></div><div>Where is the key?</div></body></html>`),
		"The shed key is in the blue pot.", []string{"Lähettäjä", "Where is"}},
	{"mutt-en-address-and-date-attribution", "Tom Baker",
		"* Ada Lovelace <ada@example.org> [2026-11-23 10:02 +0100]:\n> Who has the ladder?\n\nIt's in my garage, come by after 5.\n\n-- \nTom\n",
		"It's in my garage, come by after 5.", []string{"[2026", "ladder?"}},
	{"gnus-en-writes", "Tom Baker",
		"Ada Lovelace <ada@example.org> writes:\n\n> Who has the ladder?\n\nIt's in my garage.\n",
		"It's in my garage.", []string{"writes", "ladder?"}},
	{"foxmail-zh-name-greeting-closing", "Wang Fang",
		"阿达你好，\n\n我认识一位很好的中文老师，姓李，可以上门。\n\n谢谢！\n王芳\n\n在 2026年11月23日 10:02，Ada Lovelace 写道：\n> 你认识中文老师吗？\n",
		"我认识一位很好的中文老师", []string{"你好", "谢谢", "写道"}},
	{"outlook-tr-cok-tesekkurler", "Elif Yılmaz",
		"Yeminli tercüman olarak Ayşe Hanım'ı öneririm.\n\nÇok teşekkürler,\nElif\n",
		"Yeminli tercüman olarak Ayşe Hanım'ı öneririm.", []string{"teşekkürler"}},
	// Own words that open like the words around a reply; they pass on
	// the code before the tables too, and guard the tables' words.
	{"own-it-hai-ragione", "Giulia Rossi", "Hai ragione, è meglio sabato.\n\nGiulia\n", "Hai ragione, è meglio sabato.", nil},
	{"own-fr-moi-aussi", "Luc Martin", "Moi aussi, je viens samedi.\n\nLuc\n", "Moi aussi, je viens samedi.", nil},
	{"own-en-morning-works", "Bob Chen", "Morning works better for me.\n\nBob\n", "Morning works better for me.", nil},
	{"own-es-caro", "José García", "Caro, pero vale la pena.\n", "Caro, pero vale la pena.", nil},
	{"own-en-confidential-first", "Bob Chen", "This message is confidential, please keep it between us: the budget is cut by 10%.\n", "This message is confidential", nil},
	{"own-en-external-first", "Bob Chen", "External contractors will do the move on Monday.\n", "External contractors will do the move", nil},
	{"own-fi-hyva-idea", "Mikko Virtanen", "Hyvä idea!\n\nTehdään niin.\n", "Hyvä idea! Tehdään niin.", nil},
}

// htmlMsg is an HTML-only message of the parts given.
func htmlMsg(parts ...string) string {
	return "Content-Type: text/html; charset=utf-8\r\n\r\n" + strings.Join(parts, "\r\n")
}

// altMsg is a multipart/alternative message of a plain and an HTML part.
func altMsg(plain, html string) string {
	return strings.Join([]string{
		`Content-Type: multipart/alternative; boundary="b1"`, "",
		"--b1", "Content-Type: text/plain; charset=utf-8", "", strings.ReplaceAll(plain, "\n", "\r\n"),
		"--b1", "Content-Type: text/html; charset=utf-8", "", html,
		"--b1--", "",
	}, "\r\n")
}

// worldExcerpt is the excerpt the classifier keeps of a reply.
func worldExcerpt(t *testing.T, body, from string) string {
	t.Helper()
	raw := body
	if !strings.HasPrefix(raw, "Content-Type:") {
		raw = "Content-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n")
	}
	x, err := Extract([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return ExcerptFrom(x.Own, 280, from)
}

// TestReplyWorld checks each reply of the table and the share that pass.
func TestReplyWorld(t *testing.T) {
	passed := 0
	for _, tc := range replyWorld {
		ok := t.Run(tc.name, func(t *testing.T) {
			got := worldExcerpt(t, tc.body, tc.from)
			if !strings.HasPrefix(got, tc.starts) {
				t.Errorf("excerpt %q\ndoes not start with %q", got, tc.starts)
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("excerpt %q\ncontains %q", got, n)
				}
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("%d of %d replies (%.0f%%) give the excerpt a person expects", passed, len(replyWorld), 100*float64(passed)/float64(len(replyWorld)))
	passed = 0
	for _, tc := range replyWorldLater {
		ok := t.Run(tc.name, func(t *testing.T) {
			got := worldExcerpt(t, tc.body, tc.from)
			if !strings.HasPrefix(got, tc.starts) {
				t.Errorf("excerpt %q\ndoes not start with %q", got, tc.starts)
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("excerpt %q\ncontains %q", got, n)
				}
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("%d of %d later replies (%.0f%%) give the excerpt a person expects", passed, len(replyWorldLater), 100*float64(passed)/float64(len(replyWorldLater)))
}
