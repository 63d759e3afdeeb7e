package workspace

import (
	"runtime"

	"kpiplanner/app/files"
	"kpiplanner/app/packet"
)

// PlanMergeFiles reads the packet files at paths through docs, with one
// password, and plans their merge: the same merge plan as ReadPackets then
// PlanMerge, but each packet is planned as soon as it is read and then
// dropped (a few are read ahead, one per processor), and the plans a
// return packet's maker left as their bases, which would change nothing,
// are not decoded. The first refused file, in the order of paths, is the
// error (packet.ErrPasswordNeeded among them: then read the files one by
// one and call PlanMerge).
func (w *Workspace) PlanMergeFiles(docs files.Documents, paths []string, password string) (*packet.MergePlan, error) {
	mp, err := w.newMergePlanner()
	if err != nil {
		return nil, err
	}
	o := packet.ReadOptions{Skip: mp.skip}
	err = readInOrder(len(paths), func(i int) (*packet.Packet, error) {
		return readPacketWith(docs, paths[i], password, o)
	}, mp.add)
	if err != nil {
		return nil, err
	}
	return mp.plan(), nil
}

// readInOrder reads n items with read, a few at a time (one per
// processor), and hands them to use in order; the first error in that
// order stops it.
func readInOrder(n int, read func(i int) (*packet.Packet, error), use func(*packet.Packet) error) error {
	type result struct {
		pk  *packet.Packet
		err error
	}
	slots := make([]chan result, n)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	ahead := make(chan struct{}, runtime.GOMAXPROCS(0)) // read and not yet used
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := range n {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			go func() {
				pk, err := read(i)
				slots[i] <- result{pk, err}
			}()
		}
	}()
	for i := range n {
		r := <-slots[i]
		<-ahead
		if r.err != nil {
			return r.err
		}
		if err := use(r.pk); err != nil {
			return err
		}
	}
	return nil
}
