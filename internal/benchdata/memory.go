package benchdata

import (
	"bufio"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Peak returns the memory to the system and samples the live heap every 2 ms from then on. Its stop function ends
// the sampling and returns the highest live heap seen, in MiB, and the
// process's peak resident memory since Peak was called (Linux: VmHWM after
// resetting it; 0 where the system does not tell), in MiB.
func Peak() (stop func() (heapMB, rssMB float64)) {
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM to the current RSS
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	var peak atomic.Uint64
	peak.Store(read())
	done, quit := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				if v := read(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	return func() (float64, float64) {
		close(quit)
		<-done
		if v := read(); v > peak.Load() {
			peak.Store(v)
		}
		return float64(peak.Load()) / (1 << 20), float64(peakRSS()) / (1 << 20)
	}
}

// peakRSS returns VmHWM of /proc/self/status in bytes, or 0.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
