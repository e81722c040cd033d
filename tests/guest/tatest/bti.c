/*
 * tatest: branch target identification and pointer authentication in TAs,
 * with bti_ta (tests/ta/bti_ta, built with landing pads and signed
 * returns) and bti_legacy_ta (the same sources without the ELF property).
 * Where the CPU has BTI the core guards a protected TA's code pages, so a
 * branch to a non-landing-pad kills it; where it has PAuth every instance
 * has its own keys, so a forged return address kills it and two instances
 * sign the same pointer differently. On a CPU without them (cortex-a57) the
 * same binaries run unchanged. What this CPU has comes from Linux's hwcaps
 * (tests/qemu/test_user_ta.sh checks they match the CPU model and that the
 * secure log shows the Branch Target exception).
 */
#include <stdio.h>
#include <sys/auxv.h>

#include <bti_ta.h>

#include "tatest.h"

#ifndef HWCAP_PACA
#define HWCAP_PACA (1ul << 30)
#endif
#ifndef HWCAP2_BTI
#define HWCAP2_BTI (1ul << 17)
#endif

static bool cpu_bti(void)
{
	return getauxval(AT_HWCAP2) & HWCAP2_BTI;
}

static bool cpu_pac(void)
{
	return getauxval(AT_HWCAP) & HWCAP_PACA;
}

static bool open_bti(TEEC_Session *s, bool legacy)
{
	TEEC_UUID u = BTI_TA_UUID, l = BTI_LEGACY_TA_UUID;

	return open_ta(s, legacy ? &l : &u,
		       legacy ? "bti_legacy_ta" : "bti_ta");
}

static TEEC_Result bti_cmd(TEEC_Session *s, uint32_t cmd, uint64_t *out,
			   uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE));
	TEEC_Result r;

	op.params[0].value.a = op.params[0].value.b = 0xdeadbeef;
	*origin = 0;
	r = TEEC_InvokeCommand(s, cmd, &op, origin);
	*out = (uint64_t)op.params[0].value.a | (uint64_t)op.params[0].value.b
							<< 32;
	return r;
}

static void note_cpu(void)
{
	note("cpu bti=%d pac=%d; ", cpu_bti(), cpu_pac());
}

/* A fresh instance of bti_ta works (after one was killed). */
static void expect_good_path(const char *what, bool legacy)
{
	TEEC_Session s;
	uint64_t v = 0;
	uint32_t origin;
	TEEC_Result r;

	if (!open_bti(&s, legacy))
		return;
	r = bti_cmd(&s, BTI_CMD_GOOD_PATH, &v, &origin);
	expect(r == TEEC_SUCCESS && v == BTI_GOOD_MAGIC,
	       "%s: GOOD_PATH 0x%08x %s origin %u value 0x%llx", what, r, rn(r),
	       origin, (unsigned long long)v);
	TEEC_CloseSession(&s);
}

/*
 * Runs @cmd, which misbehaves: killed (TARGET_DEAD from the TEE, and so
 * is the next invoke) if @killed, else returns @value.
 */
static void expect_killed_or_value(uint32_t cmd, const char *name, bool killed,
				   uint64_t value, bool legacy)
{
	TEEC_Session s;
	uint64_t v = 0;
	uint32_t origin;
	TEEC_Result r;

	if (!ctx_init() || !open_bti(&s, legacy))
		return;
	r = bti_cmd(&s, cmd, &v, &origin);
	if (killed) {
		expect(r == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE,
		       "%s: 0x%08x %s origin %u value 0x%llx, want TARGET_DEAD "
		       "from the TEE",
		       name, r, rn(r), origin, (unsigned long long)v);
		note("%s killed: 0x%08x origin %u; ", name, r, origin);
		r = bti_cmd(&s, BTI_CMD_GOOD_PATH, &v, &origin);
		expect(r == TEEC_ERROR_TARGET_DEAD,
		       "next invoke: 0x%08x %s, want TARGET_DEAD", r, rn(r));
	} else {
		expect(r == TEEC_SUCCESS && v == value,
		       "%s: 0x%08x %s origin %u value 0x%llx, want SUCCESS "
		       "0x%llx",
		       name, r, rn(r), origin, (unsigned long long)v,
		       (unsigned long long)value);
		note("%s ran: value 0x%llx; ", name, (unsigned long long)v);
	}
	TEEC_CloseSession(&s);
	expect_good_path("new instance after it", legacy);
	TEEC_FinalizeContext(&ctx);
}

void t_bti_bad_landing(void)
{
	note_cpu();
	expect_killed_or_value(BTI_CMD_BAD_LANDING, "BAD_LANDING", cpu_bti(), 1,
			       false);
}

void t_bti_legacy_unguarded(void)
{
	/* No BTI property in the ELF: never guarded, on any CPU. */
	note_cpu();
	expect_killed_or_value(BTI_CMD_BAD_LANDING, "legacy BAD_LANDING", false,
			       1, true);
}

void t_pac_corrupt_return(void)
{
	note_cpu();
	expect_killed_or_value(BTI_CMD_PAC_CORRUPT, "PAC_CORRUPT", cpu_pac(), 3,
			       false);
}

void t_bti_pac_good_path(void)
{
	note_cpu();
	if (!ctx_init())
		return;
	for (int i = 0; i < 3; i++)
		expect_good_path("GOOD_PATH", false);
	note("3 instances returned 0x%x; ", BTI_GOOD_MAGIC);
	TEEC_FinalizeContext(&ctx);
}

static uint64_t sign_in(TEEC_Session *s, const char *what)
{
	uint64_t v = 0;
	uint32_t origin;
	TEEC_Result r = bti_cmd(s, BTI_CMD_PAC_SIGN, &v, &origin);

	expect(r == TEEC_SUCCESS, "%s: PAC_SIGN 0x%08x %s origin %u", what, r,
	       rn(r), origin);
	return v;
}

void t_pac_keys_per_instance(void)
{
	/* The TA's VA space is 39 bits: the PAC lives above. */
	const uint64_t addr_mask = (1ull << 39) - 1;
	TEEC_Session a, b;
	uint64_t a1, b1, a2;
	bool pac = cpu_pac();

	note_cpu();
	if (!ctx_init() || !open_bti(&a, false))
		return;
	if (!open_bti(&b, false)) {
		TEEC_CloseSession(&a);
		return;
	}
	/* A, then B, then A again: keys follow the instance that runs. */
	a1 = sign_in(&a, "instance A");
	b1 = sign_in(&b, "instance B");
	a2 = sign_in(&a, "instance A again");
	note("ptr 0x%llx: A 0x%llx B 0x%llx A 0x%llx; ",
	     (unsigned long long)BTI_SIGN_PTR, (unsigned long long)a1,
	     (unsigned long long)b1, (unsigned long long)a2);
	expect(a1 == a2, "instance A signed differently across invokes");
	if (pac) {
		expect(a1 != BTI_SIGN_PTR && b1 != BTI_SIGN_PTR,
		       "pacia1716 left the pointer unsigned");
		expect(a1 != b1, "two instances share their keys");
		expect((a1 & addr_mask) == BTI_SIGN_PTR &&
			       (b1 & addr_mask) == BTI_SIGN_PTR,
		       "signing changed the address bits");
	} else {
		expect(a1 == BTI_SIGN_PTR && b1 == BTI_SIGN_PTR,
		       "pointer changed on a CPU without PAuth");
	}
	TEEC_CloseSession(&b);
	TEEC_CloseSession(&a);
	TEEC_FinalizeContext(&ctx);
}
