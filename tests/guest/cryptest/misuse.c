/*
 * Misuse through crypt_ta: scenarios whose checks run inside the TA
 * (short buffers, MAC and tag mismatches, extractability, bad pointers
 * given straight to the system calls, allocation rules...), and scenarios
 * GP calls a panic, each in a fresh session (crypt_ta is multi-instance):
 * the TA must be dead afterwards (TEE_ERROR_TARGET_DEAD from the TEE) and
 * a new session must work.
 */
#include <crypt_ta.h>

#include "cryptest.h"

uint32_t cur_scenario;

void t_misuse(void)
{
	TEEC_Context ctx;
	TEEC_Session s;
	uint32_t a = 0, b = 0, origin;
	TEEC_Result r;

	if (!open_crypt(&ctx, &s))
		return;
	r = misuse(&s, cur_scenario, 0, &a, &b, &origin);
	if (r == TEEC_SUCCESS)
		note("%u checks passed", a);
	else
		expect(false,
		       "%s origin %u: check at crypt_ta line %u, value "
		       "0x%x",
		       rn(r), origin, a, b);
	close_crypt(&ctx, &s);
}

void t_panic(void)
{
	TEEC_Context ctx;
	TEEC_Session s;
	uint32_t a = 0, b = 0, origin;
	TEEC_Result r;

	if (!open_crypt(&ctx, &s))
		return;
	r = misuse(&s, cur_scenario, 0, &a, &b, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE,
	       "want TARGET_DEAD from the TEE, got %s origin %u", rn(r),
	       origin);
	/* Dead for good: the next call too. */
	r = misuse(&s, CRYPT_M_SHORT_DIGEST, 0, &a, &b, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD, "after the panic: %s", rn(r));
	close_crypt(&ctx, &s);
	/* Other instances go on. */
	if (open_crypt(&ctx, &s)) {
		r = misuse(&s, CRYPT_M_SHORT_DIGEST, 0, &a, &b, &origin);
		expect(r == TEEC_SUCCESS, "a new instance: %s", rn(r));
		close_crypt(&ctx, &s);
	}
	if (!failures)
		note("TA panicked (TARGET_DEAD, origin TEE)");
}
