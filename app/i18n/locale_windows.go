//go:build windows

package i18n

import (
	"syscall"
	"unsafe"
)

// osLocale returns the user's Windows locale name, such as "vi-VN", or "".
func osLocale() string {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetUserDefaultLocaleName")
	if proc.Find() != nil {
		return ""
	}
	const maxLen = 85 // LOCALE_NAME_MAX_LENGTH
	buf := make([]uint16, maxLen)
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&buf[0])), maxLen)
	if n == 0 {
		return ""
	}
	return syscall.UTF16ToString(buf)
}
