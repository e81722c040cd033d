/*
 * libFuzzer harness over the yielding-call entry (tee_entry_std) with the
 * same fakes as the unit tests. Input layout:
 *   [0]      call type: 0 CALL_WITH_ARG, 1 CALL_WITH_RPC_ARG, 2 REGD_ARG
 *   [1]      flags: bit0 use [8..15] as the arg address / REGD cookie,
 *            bit1 the "normal world" answers RPCs with input bytes
 *   [2..3]   REGD_ARG offset
 *   [8..15]  address or cookie (little-endian)
 *   [16..]   copied to normal-world memory at the default arg address
 * Any crash, sanitizer report or hang is a finding.
 */
#include <rampart/abi/optee_smc.h>
#include <stdint.h>
#include <string.h>

#include "../unit/fakes/fake_nw.h"

#define ARG_PA (FAKE_NS_BASE + 0x1000)
#define MAX_COPY (64 * 1024)

static const uint8_t *rpc_bytes;
static size_t rpc_len;

static void hostile_rpc(uint32_t func)
{
	(void)func;
	/* Scribble over where the RPC request lives. */
	size_t n = rpc_len < 512 ? rpc_len : 512;

	memcpy(fake_ns_ptr(ARG_PA + 224), rpc_bytes, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t fids[3] = { OPTEE_SMC_CALL_WITH_ARG,
					  OPTEE_SMC_CALL_WITH_RPC_ARG,
					  OPTEE_SMC_CALL_WITH_REGD_ARG };
	static int initialised;
	uint64_t addr = ARG_PA, out[4];
	size_t n;

	if (!initialised) {
		fake_ns_reset();
		initialised = 1;
	}
	memset(fake_ns_ram, 0, 2 * MAX_COPY);
	fake_nw_rpc = NULL;
	if (size < 16)
		return 0;
	if (data[1] & 1)
		memcpy(&addr, data + 8, 8);
	if (data[1] & 2) {
		fake_nw_rpc = hostile_rpc;
		rpc_bytes = data + 16;
		rpc_len = size - 16;
	}
	n = size - 16 < MAX_COPY ? size - 16 : MAX_COPY;
	memcpy(fake_ns_ptr(ARG_PA), data + 16, n);

	if (data[0] % 3 == 2)
		fake_run_std_call(fids[2], addr >> 32, (uint32_t)addr,
				  data[2] | (uint32_t)data[3] << 8, out);
	else
		fake_run_std_call(fids[data[0] % 3], addr >> 32, (uint32_t)addr,
				  0, out);
	return 0;
}
