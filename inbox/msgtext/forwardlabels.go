package msgtext

import (
	"strings"
	"unicode/utf8"
)

// The vocabulary of inline forwards, one row per language: the labels of
// the forwarded header block ("From:", "Von:", "差出人:"), the lines that
// introduce it (Gmail's "---------- Forwarded message ---------",
// Outlook's "-----Original Message-----", Apple Mail's "Begin forwarded
// message:", Thunderbird's and Yahoo's "-------- Forwarded Message
// --------"), and the month names its dates are written with. Entries are
// separated by "|" and written as clients print them; they are folded
// (foldAppend: lower case, accents and marks dropped) when the tables are
// built, and so is the text they are looked up with.
//
// A line counts as a separator by its text alone, whatever dashes,
// underscores or colon surround it, so one entry covers Gmail's ten
// dashes, Thunderbird's eight and Yahoo's five.

// forwardLang is one language's row.
type forwardLang struct {
	code                             string
	from, date, to, cc, bcc, subject string
	replyTo, other                   string
	// forward: separators that only introduce a forward; original:
	// separators that introduce the quoted original of a reply or of a
	// forward alike (Outlook's "Original Message").
	forward, original string
	// months: twelve groups separated by "|", each the month's names and
	// abbreviations separated by spaces (genitive and nominative where
	// they differ). Abbreviations need not be listed when they are a
	// prefix of a name (three letters at least).
	months string
	// wholeMonths: the month names match only whole (Finnish compounds:
	// "mar", March elsewhere, starts "marraskuuta", November).
	wholeMonths bool
}

// forwardLangs is the table. Gmail writes the header labels in English
// in most locales (only "From" is sometimes translated), Outlook and
// Thunderbird translate all of them.
var forwardLangs = []forwardLang{
	{code: "en",
		from: "From|Sender", date: "Date|Sent|Sent at|Sent on", to: "To|Recipient", cc: "Cc", bcc: "Bcc",
		subject: "Subject|Subj", replyTo: "Reply-To", other: "Importance|Priority|Attachments",
		forward: "Forwarded message|Forwarded Message|Begin forwarded message|Forwarded mail|Forwarded email|" +
			"Forwarded e-mail|Message forwarded",
		original: "Original Message|Original message|Original Email|Original mail|Original e-mail",
		months:   "january|february|march|april|may|june|july|august|september sept|october|november|december"},
	{code: "de",
		from: "Von|Absender", date: "Datum|Gesendet|Gesendet am", to: "An|Empfänger", cc: "Cc|Kopie|Kopie (CC)|Kopie an",
		bcc: "Bcc|Blindkopie", subject: "Betreff", replyTo: "Antwort an", other: "Wichtigkeit|Anlagen|Priorität",
		forward:  "Weitergeleitete Nachricht|Anfang der weitergeleiteten Nachricht|Weitergeleitete E-Mail|Weitergeleitete Mail",
		original: "Ursprüngliche Nachricht|Original-Nachricht|Originalnachricht|Ursprüngliche E-Mail",
		months:   "januar jänner|februar feber|märz maerz|april|mai|juni|juli|august|september sept|oktober|november|dezember"},
	{code: "fr",
		from: "De|Expéditeur", date: "Date|Envoyé|Envoyé le", to: "À|A|Pour|Destinataire", cc: "Cc|Copie|Copie à",
		bcc: "Cci", subject: "Objet|Sujet", replyTo: "Répondre à", other: "Importance|Pièces jointes",
		forward: "Message transféré|Début du message réexpédié|Début du message transféré|Message transmis|" +
			"Courriel transféré|Mail transféré|E-mail transféré",
		original: "Message d'origine|Message d’origine|Message original|Courriel original",
		months:   "janvier|février|mars|avril|mai|juin|juillet juil|août|septembre|octobre|novembre|décembre"},
	{code: "es",
		from: "De|Remitente", date: "Fecha|Enviado|Enviado el", to: "Para|A|Destinatario", cc: "Cc|CC (copia)|Copia",
		bcc: "Cco|Cco", subject: "Asunto", replyTo: "Responder a", other: "Importancia|Datos adjuntos",
		forward:  "Mensaje reenviado|Inicio del mensaje reenviado|Mensaje transferido|Correo reenviado",
		original: "Mensaje original|Mensaje de origen",
		months:   "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre setiembre|octubre|noviembre|diciembre"},
	{code: "it",
		from: "Da|Mittente", date: "Data|Inviato|Inviato il", to: "A|Destinatario|Destinatari", cc: "Cc|Copia",
		bcc: "Ccn", subject: "Oggetto", replyTo: "Rispondi a", other: "Priorità|Allegati",
		forward:  "Messaggio inoltrato|Inizio messaggio inoltrato|Email inoltrata|Mail inoltrata",
		original: "Messaggio originale|Messaggio di origine",
		months:   "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"},
	{code: "pt",
		from: "De|Remetente", date: "Data|Enviado|Enviada|Enviado em|Enviada em", to: "Para|Destinatário", cc: "Cc|Cópia",
		bcc: "Cco", subject: "Assunto", replyTo: "Responder a", other: "Importância|Anexos",
		forward: "Mensagem encaminhada|Mensagem reencaminhada|Início da mensagem reencaminhada|" +
			"Início da mensagem encaminhada|E-mail encaminhado",
		original: "Mensagem original|Mensagem de origem",
		months:   "janeiro|fevereiro|março marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"},
	{code: "nl",
		from: "Van|Afzender", date: "Datum|Verzonden|Verstuurd", to: "Aan|Ontvanger", cc: "Cc|Kopie",
		bcc: "Bcc", subject: "Onderwerp", replyTo: "Antwoord aan", other: "Urgentie|Prioriteit|Bijlagen",
		forward:  "Doorgestuurd bericht|Begin doorgestuurd bericht|Doorgestuurde e-mail",
		original: "Oorspronkelijk bericht|Origineel bericht|Oorspronkelijke e-mail",
		months:   "januari|februari|maart mrt|april|mei|juni|juli|augustus|september|oktober|november|december"},
	{code: "sv",
		from: "Från|Avsändare", date: "Datum|Skickat|Skickades", to: "Till|Mottagare", cc: "Kopia|Cc",
		bcc: "Hemlig kopia|Bcc", subject: "Ämne", replyTo: "Svara till", other: "Prioritet|Bifogade filer",
		forward:  "Vidarebefordrat meddelande|Vidarebefordrat mejl|Vidarebefordrat e-postmeddelande",
		original: "Ursprungligt meddelande|Originalmeddelande",
		months:   "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"},
	{code: "da",
		from: "Fra|Afsender", date: "Dato|Sendt", to: "Til|Modtager", cc: "Cc|Kopi|Kopi til",
		bcc: "Bcc", subject: "Emne", replyTo: "Svar til", other: "Prioritet|Vedhæftede filer",
		forward:  "Videresendt meddelelse|Start på videresendt besked|Videresendt besked|Videresendt mail",
		original: "Oprindelig meddelelse|Original meddelelse",
		months:   "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"},
	{code: "no",
		from: "Fra|Avsender", date: "Dato|Sendt", to: "Til|Mottaker", cc: "Kopi|Cc",
		bcc: "Blindkopi", subject: "Emne", replyTo: "Svar til", other: "Prioritet|Vedlegg",
		forward:  "Videresendt melding|Videresendt e-post|Start på videresendt melding",
		original: "Opprinnelig melding|Original melding",
		months:   "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"},
	{code: "fi",
		from: "Lähettäjä", date: "Päivämäärä|Päiväys|Lähetetty|Lähetetty klo", to: "Vastaanottaja", cc: "Kopio|Kopiot",
		bcc: "Piilokopio", subject: "Aihe", replyTo: "Vastaus", other: "Tärkeys|Liitteet",
		forward:  "Välitetty viesti|Välitetty viesti alkaa|Edelleenlähetetty viesti|Välitetty viesti / Fwd.Msg",
		original: "Alkuperäinen viesti",
		months: "tammikuuta tammikuu tammi|helmikuuta helmikuu helmi|maaliskuuta maaliskuu maalis|" +
			"huhtikuuta huhtikuu huhti|toukokuuta toukokuu touko|kesäkuuta kesäkuu kesä|heinäkuuta heinäkuu heinä|" +
			"elokuuta elokuu elo|syyskuuta syyskuu syys|lokakuuta lokakuu loka|marraskuuta marraskuu marras|" +
			"joulukuuta joulukuu joulu",
		wholeMonths: true},
	{code: "pl",
		from: "Od|Nadawca", date: "Data|Wysłano|Wysłane", to: "Do|Adresat", cc: "DW|Kopia|Do wiadomości",
		bcc: "UDW", subject: "Temat", replyTo: "Odpowiedź-do|Odpowiedz do", other: "Ważność|Priorytet|Załączniki",
		forward: "Przekazana wiadomość|Początek przekazywanej wiadomości|Treść przekazanej wiadomości|" +
			"Wiadomość przesłana dalej|Przesłana wiadomość",
		original: "Oryginalna wiadomość|Wiadomość oryginalna",
		months: "stycznia styczeń|lutego luty|marca marzec|kwietnia kwiecień|maja maj|czerwca czerwiec|" +
			"lipca lipiec|sierpnia sierpień|września wrzesień|października październik|listopada listopad|grudnia grudzień"},
	{code: "cs",
		from: "Od|Odesílatel", date: "Datum|Odesláno", to: "Komu|Příjemce", cc: "Kopie",
		bcc: "Skrytá kopie", subject: "Předmět", replyTo: "Odpověď na", other: "Důležitost|Přílohy",
		forward:  "Přeposlaná zpráva|Začátek přeposílané zprávy|Začátek přeposlané zprávy|Přeposlaný e-mail",
		original: "Původní zpráva|Původní e-mail",
		months: "ledna leden|února únor|března březen|dubna duben|května květen|června červen|" +
			"července červenec|srpna srpen|září|října říjen|listopadu listopad|prosince prosinec"},
	{code: "sk",
		from: "Od|Odosielateľ", date: "Dátum|Odoslané", to: "Komu|Pre|Príjemca", cc: "Kópia",
		bcc: "Skrytá kópia", subject: "Predmet", replyTo: "Odpovedať-Pre", other: "Dôležitosť|Prílohy",
		forward:  "Preposlaná správa|Začiatok preposlanej správy|Preposlaná správa --- Forwarded Message",
		original: "Pôvodná správa",
		months: "januára január|februára február|marca marec|apríla apríl|mája máj|júna jún|júla júl|" +
			"augusta august|septembra september|októbra október|novembra november|decembra december"},
	{code: "hu",
		from: "Feladó|Küldő", date: "Dátum|Elküldve|Küldve", to: "Címzett|Címzettek", cc: "Másolat|Másolatot kap",
		bcc: "Titkos másolat", subject: "Tárgy", replyTo: "Válaszcím", other: "Fontosság|Mellékletek",
		forward:  "Továbbított üzenet|Továbbított levél|Továbbított levél kezdete",
		original: "Eredeti üzenet|Eredeti levél",
		months: "január|február febr|március márc|április|május|június|július|augusztus|" +
			"szeptember szept|október|november|december"},
	{code: "ro",
		from: "De la|Expeditor|Expeditorul", date: "Dată|Data|Trimis|Trimis la", to: "Către|Destinatar|Destinatarul",
		cc: "Cc", bcc: "Bcc", subject: "Subiect|Subiectul", replyTo: "Răspuns către", other: "Importanță|Atașări",
		forward:  "Mesaj redirecționat|Începe mesajul redirecționat|Mesaj redirecţionat|Mesaj transmis",
		original: "Mesaj original|Mesajul original",
		months: "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|" +
			"octombrie|noiembrie|decembrie"},
	{code: "hr",
		from: "Šalje|Od|Pošiljatelj", date: "Datum|Poslano", to: "Prima|Za|Primatelj", cc: "Kopija",
		bcc: "Skrivena kopija", subject: "Predmet|Naslov", replyTo: "Odgovori na", other: "Važnost|Privici",
		forward:  "Proslijeđena poruka|Započni proslijeđenu poruku|Početak proslijeđene poruke",
		original: "Izvorna poruka|Originalna poruka",
		months: "siječnja siječanj|veljače veljača|ožujka ožujak|travnja travanj|svibnja svibanj|" +
			"lipnja lipanj|srpnja srpanj|kolovoza kolovoz|rujna rujan|listopada listopad|studenoga studenog studeni|prosinca prosinac"},
	{code: "sl",
		from: "Od|Pošiljatelj", date: "Datum|Poslano", to: "Za|Prejemnik", cc: "Kp|Kopija",
		bcc: "Skp", subject: "Zadeva", other: "Pomembnost|Priloge",
		forward:  "Posredovano sporočilo|Začetek posredovanega sporočila",
		original: "Izvirno sporočilo|Prvotno sporočilo",
		months: "januarja januar|februarja februar|marca marec|aprila april|maja maj|junija junij|" +
			"julija julij|avgusta avgust|septembra september|oktobra oktober|novembra november|decembra december"},
	{code: "tr",
		from: "Kimden|Gönderen", date: "Tarih|Gönderildi|Gönderilme tarihi|Gönderilen|Gönderim", to: "Kime|Alıcı",
		cc: "Bilgi|Cc", bcc: "Gizli", subject: "Konu", replyTo: "Yanıt Adresi", other: "Önem|Ekler",
		forward:  "Yönlendirilmiş ileti|İletilmiş Mesaj|İletilen İleti|İleti başlangıcı|Yönlendirilen ileti",
		original: "Özgün İleti|Orijinal Mesaj|Orijinal ileti",
		months:   "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"},
	{code: "ru",
		from: "От|От кого|Отправитель", date: "Дата|Отправлено|Отправлено в", to: "Кому|Получатель", cc: "Копия",
		bcc: "Скрытая копия", subject: "Тема", replyTo: "Ответ-Кому|Ответить", other: "Важность|Вложения",
		forward: "Пересылаемое сообщение|Начало переадресованного сообщения|Перенаправленное сообщение|" +
			"Начало пересылаемого сообщения|Пересланное сообщение|Переадресованное сообщение",
		original: "Исходное сообщение|Оригинальное сообщение|Исходное письмо",
		months: "января январь|февраля февраль|марта март|апреля апрель|мая май|июня июнь|" +
			"июля июль|августа август|сентября сентябрь|октября октябрь|ноября ноябрь|декабря декабрь"},
	{code: "uk",
		from: "Від|Від кого|Відправник", date: "Дата|Надіслано|Відправлено", to: "Кому|Одержувач", cc: "Копія",
		bcc: "Прихована копія", subject: "Тема", replyTo: "Кому відповісти", other: "Важливість|Вкладення",
		forward: "Переслане повідомлення|Початок листа, що пересилається|Перенаправлене повідомлення|" +
			"Пересланий лист",
		original: "Оригінальне повідомлення|Вихідне повідомлення|Початкове повідомлення",
		months: "січня січень|лютого лютий|березня березень|квітня квітень|травня травень|червня червень|" +
			"липня липень|серпня серпень|вересня вересень|жовтня жовтень|листопада листопад|грудня грудень"},
	{code: "bg",
		from: "От|Подател", date: "Дата|Изпратено", to: "До|Получател", cc: "Копие",
		bcc: "Скрито копие", subject: "Относно|Тема", other: "Важност",
		forward:  "Препратено съобщение|Начало на препратеното съобщение|Препратено писмо",
		original: "Оригинално съобщение|Оригинално писмо",
		months:   "януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември"},
	{code: "el",
		from: "Από|Αποστολέας", date: "Ημερομηνία|Στάλθηκε|Εστάλη", to: "Προς|Παραλήπτης", cc: "Κοιν|Κοιν.",
		bcc: "Ιδ. κοιν.", subject: "Θέμα", other: "Σημασία|Συνημμένα",
		forward:  "Προωθημένο μήνυμα|Αρχή προωθημένου μηνύματος|Προωθημένο μήνυμα email",
		original: "Αρχικό μήνυμα|Αρχικό μήνυμα email",
		months: "ιανουαρίου ιανουάριος|φεβρουαρίου φεβρουάριος|μαρτίου μάρτιος|απριλίου απρίλιος|" +
			"μαΐου μάιος μαΐ|ιουνίου ιούνιος|ιουλίου ιούλιος|αυγούστου αύγουστος|σεπτεμβρίου σεπτέμβριος|" +
			"οκτωβρίου οκτώβριος|νοεμβρίου νοέμβριος|δεκεμβρίου δεκέμβριος"},
	{code: "ca",
		from: "De", date: "Data|Enviat|Enviat el", to: "A|Per a", cc: "A/c|Cc",
		bcc: "C/o", subject: "Assumpte", other: "Importància",
		forward:  "Missatge reenviat|Inici del missatge reenviat",
		original: "Missatge original",
		months:   "gener|febrer|març marc|abril|maig|juny|juliol|agost|setembre|octubre|novembre|desembre"},
	{code: "id",
		from: "Dari|Pengirim", date: "Tanggal|Terkirim|Dikirim", to: "Kepada|Untuk", cc: "Cc|Tembusan",
		bcc: "Bcc", subject: "Subjek|Perihal", other: "Lampiran",
		forward:  "Pesan yang diteruskan|Pesan terusan|Awal pesan yang diteruskan",
		original: "Pesan asli",
		months:   "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"},
	{code: "vi",
		from: "Từ|Người gửi", date: "Ngày|Đã gửi|Thời gian", to: "Đến|Tới|Người nhận", cc: "Cc|Đồng gửi",
		bcc: "Bcc", subject: "Chủ đề|Tiêu đề", other: "Mức độ quan trọng|Tệp đính kèm",
		forward:  "Thư đã chuyển tiếp|Bắt đầu tin nhắn được chuyển tiếp|Thư được chuyển tiếp|Tin nhắn đã chuyển tiếp",
		original: "Thư gốc|Tin nhắn gốc"},
	{code: "ja",
		from: "差出人|送信者|送信元|From", date: "送信日時|日付|送信日|日時", to: "宛先|送信先|受信者", cc: "CC",
		bcc: "BCC", subject: "件名", other: "重要度|添付ファイル",
		forward:  "転送されたメッセージ|転送メッセージ|メッセージを転送|転送メッセージの開始|以下転送されたメッセージです",
		original: "元のメッセージ|オリジナルメッセージ"},
	{code: "zh",
		from: "发件人|寄件者|寄件人|發件人", date: "发送时间|日期|时间|寄件日期|發送時間|傳送時間|发送日期", to: "收件人|收件者",
		cc: "抄送|副本|抄送人", bcc: "密送|密件副本", subject: "主题|主旨|主題", other: "重要性|附件",
		forward:  "转发的邮件|转发邮件|已转发邮件|轉寄的郵件|轉寄郵件|转发的消息|以下是转发的邮件|轉寄的訊息",
		original: "原始邮件|原始郵件|原邮件"},
	{code: "ko",
		from: "보낸 사람|보낸사람|발신자", date: "보낸 날짜|날짜|보낸날짜|일시", to: "받는 사람|받는사람|수신자",
		cc: "참조", bcc: "숨은 참조", subject: "제목", other: "중요도|첨부 파일",
		forward:  "전달된 메일|전달된 메시지|전달 메시지|전달된 메시지 시작",
		original: "원본 메시지|원본 메일|원래 메시지"},
}

// label is what a folded header label means: its field and the languages
// that use it.
type label struct {
	field string
	langs langSet
}

// langSet is a set of rows of forwardLangs, one bit each.
type langSet uint64

// separator kinds.
const (
	sepOriginal = 1 // introduces a quoted original (reply or forward)
	sepForward  = 2 // introduces a forward
)

// separator is what a folded separator line means.
type separator struct {
	kind  int
	langs langSet
}

var (
	labelIndex  map[string]label       // folded label → field and languages
	separators  map[string]separator   // folded separator text → kind and languages
	monthIndex  map[string]int         // folded month word or prefix → month, -1 ambiguous
	langMonths  []map[string]int       // per language: folded month word or prefix → month
	maxLabelLen = 0                    // longest label in bytes, unfolded, with slack
	langCode    = map[string]langSet{} // language code → its bit
)

func init() {
	labelIndex = map[string]label{}
	separators = map[string]separator{}
	var all []monthName
	for i, l := range forwardLangs {
		bit := langSet(1) << i
		langCode[l.code] = bit
		for field, list := range map[string]string{"from": l.from, "date": l.date, "to": l.to, "cc": l.cc,
			"bcc": l.bcc, "subject": l.subject, "reply-to": l.replyTo, "other": l.other} {
			for _, w := range splitList(list) {
				k := foldKey(w)
				old, ok := labelIndex[k]
				if ok && old.field != field {
					panic("msgtext: forward label " + w + " names two fields")
				}
				labelIndex[k] = label{field: field, langs: old.langs | bit}
				maxLabelLen = max(maxLabelLen, 2*len(w)+4)
			}
		}
		for _, w := range splitList(l.forward) {
			sep := separators[foldKey(w)]
			separators[foldKey(w)] = separator{sepForward, sep.langs | bit}
		}
		for _, w := range splitList(l.original) {
			sep := separators[foldKey(w)]
			separators[foldKey(w)] = separator{max(sep.kind, sepOriginal), sep.langs | bit}
		}
		var names []monthName
		for m, group := range splitList(l.months) {
			for _, name := range strings.Fields(group) {
				names = append(names, monthName{foldKey(name), m + 1, l.wholeMonths})
			}
		}
		langMonths = append(langMonths, monthTable(names))
		all = append(all, names...)
	}
	monthIndex = monthTable(all)
}

// monthName is a folded month name and its month.
type monthName struct {
	word  string
	month int
	whole bool // no prefix stands for it
}

// monthTable indexes month names and their prefixes of three letters or
// more. A word two months share is -1, but a full name beats a prefix
// (Czech "červen", June, is a prefix of "červenec", July).
func monthTable(names []monthName) map[string]int {
	idx := map[string]int{}
	put := func(idx map[string]int, w string, m int) {
		if old, ok := idx[w]; ok && old != m {
			m = -1
		}
		idx[w] = m
	}
	for _, n := range names {
		for i := range n.word {
			if !n.whole && utf8.RuneCountInString(n.word[:i]) >= 3 {
				put(idx, n.word[:i], n.month)
			}
		}
	}
	full := map[string]int{}
	for _, n := range names {
		put(full, n.word, n.month)
	}
	for w, m := range full {
		idx[w] = m
	}
	return idx
}

// splitList splits a "|"-separated table cell.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// foldKey folds a table word or a looked-up text alike.
func foldKey(s string) string {
	return string(foldAppend(nil, s))
}

// lookupLabel returns what a header label ("Von", "*From*", "Κοιν.")
// means; the text is folded on a stack buffer, so a line that is no
// header costs no allocation.
func lookupLabel(key string) (label, bool) {
	if len(key) > maxLabelLen {
		return label{}, false
	}
	var buf [128]byte
	k := foldAppend(buf[:0], key)
	for len(k) > 0 && (k[len(k)-1] == '.' || k[len(k)-1] == ' ') {
		k = k[:len(k)-1]
	}
	l, ok := labelIndex[string(k)]
	return l, ok
}

// separatorKind tells a separator line by its text, with the dashes,
// underscores, equal signs, asterisks and colon around it removed:
// sepForward, sepOriginal, or 0, and the languages that write it. generic
// reports a dashed line with any
// other text ("----- Forwarded by Bob/Example on 23.11.2026 -----",
// a client or language not in the table), which counts when a header
// block with a From line follows it.
func separatorKind(line string) (sep separator, generic bool) {
	if line == "" || len(line) > 200 {
		return separator{}, false
	}
	dashed := line[0] == '-' || line[0] == '_' || line[0] == '=' || line[0] == '~'
	if !dashed && !strings.HasSuffix(line, ":") && !strings.HasSuffix(line, "：") {
		return separator{}, false
	}
	text := strings.TrimRight(strings.TrimLeft(line, "-_=~*> \t"), "-_=~*: \t：")
	if text == "" {
		if strings.Count(line, "_") >= 20 && strings.Trim(line, "_ ") == "" {
			return separator{kind: sepOriginal}, false // Outlook's rule above the header block
		}
		return separator{}, false
	}
	var buf [256]byte
	k := foldAppend(buf[:0], text)
	if sep := separators[string(k)]; sep.kind != 0 {
		return sep, false
	}
	if dashed && strings.HasPrefix(line, "--") {
		for _, p := range forwardedByPrefixes {
			if strings.HasPrefix(string(k), p) {
				return separator{kind: sepForward}, false
			}
		}
		return separator{}, true
	}
	return separator{}, false
}

// forwardedByPrefixes start HCL Notes' "----- Forwarded by Bob Chen/Example
// on 23.11.2026 10:06 -----" line, folded.
var forwardedByPrefixes = []string{"forwarded by ", "weitergeleitet von ", "transfere par ", "inoltrato da ",
	"reenviado por ", "doorgestuurd door ", "encaminhado por ", "vidarebefordrat av ", "przekazane przez ",
	"predano uzivatelem ", "переслано ", "転送者"}
