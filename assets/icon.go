package assets

import _ "embed"

// Icon is the application's icon (512×512 PNG), also named by FyneApp.toml.
//
//go:embed icon.png
var Icon []byte
