//go:build unix

package workspace_test

import "syscall"

// cpuSeconds returns the CPU time (user and system) the process has used,
// which, unlike the wall time, the other processes of a busy machine do not
// stretch.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
