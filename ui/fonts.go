package ui

import "strings"

// fontSafe replaces the mathematical signs that Fyne's bundled fonts lack
// (without system fonts they showed as �) with signs those fonts have.
var fontSafe = strings.NewReplacer("−", "-", "≤", "<=", "≥", ">=", "→", ":")
