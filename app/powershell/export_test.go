package powershell

// Unexported helpers, for the tests of package powershell_test.
var (
	PSLiteral   = psLiteral
	CommentText = commentText
	IDFrom      = idFrom
)
