package templates

// languageWords are the word functions of each language other than
// English, replacing the English ones in that language's templates.
var languageWords = map[string]map[string]any{
	"de": wordsDE(),
}
