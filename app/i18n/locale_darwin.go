//go:build darwin

package i18n

import (
	"context"
	"os/exec"
	"strings"
	"time"
)

// osLocale returns the user's macOS locale ("vi_VN"), read with
// `defaults read -g AppleLocale`, or "" when that fails.
func osLocale() string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "defaults", "read", "-g", "AppleLocale").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
