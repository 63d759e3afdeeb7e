// Test harness only, for the Windows smoke test under Wine (.ci/windows-smoke.sh):
// Go 1.24+ programs call ProcessPrng from bcryptprimitives.dll, which Windows 10
// and 11 have but Debian 12's Wine 8 lacks. This stub, built with mingw-w64 and
// copied into the test's Wine prefix, fills the buffer with RtlGenRandom
// (advapi32's SystemFunction036). Never shipped: real Windows has the DLL.
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n)) {
			return FALSE;
		}
		data += n;
		len -= n;
	}
	return TRUE;
}
