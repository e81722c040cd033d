/*
 * aes_accel_vs_mbedtls: the core's AES with the CPU's AES instructions,
 * which every AES cipher operation of a TA goes through, against
 * mbedTLS's portable AES on 3000 random cases (keys of every size, every
 * mode and direction, up to 300 blocks), compared inside the core by the
 * test PTA (PTA_TEST_CMD_AES_ACCEL_CHECK). Both CPU models here have the
 * instructions, so NOT_SUPPORTED is a failure.
 */
#include "cryptest.h"
#include "rampart/abi/pta_test.h"

#define CASES 3000

void t_aes_accel_vs_mbedtls(void)
{
	static const uint8_t o[16] = PTA_TEST_UUID_OCTETS;
	TEEC_UUID u = {
		.timeLow = (uint32_t)o[0] << 24 | o[1] << 16 | o[2] << 8 | o[3],
		.timeMid = (uint16_t)(o[4] << 8 | o[5]),
		.timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]),
	};
	TEEC_Context ctx;
	TEEC_Session s;
	TEEC_Operation op = {0};
	uint32_t origin = 0;
	TEEC_Result r;

	for (int i = 0; i < 8; i++)
		u.clockSeqAndNode[i] = o[8 + i];
	r = TEEC_InitializeContext(NULL, &ctx);
	expect(r == TEEC_SUCCESS, "InitializeContext: 0x%08x", r);
	if (r)
		return;
	r = TEEC_OpenSession(&ctx, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	expect(r == TEEC_SUCCESS, "open test PTA: 0x%08x %s", r, rn(r));
	if (!r) {
		op.paramTypes =
			TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = CASES;
		r = TEEC_InvokeCommand(&s, PTA_TEST_CMD_AES_ACCEL_CHECK, &op,
				       &origin);
		expect(r == TEEC_SUCCESS, "check: 0x%08x %s origin %u", r,
		       rn(r), origin);
		expect(!r && op.params[1].value.a == 0, "%u of %u cases differ",
		       op.params[1].value.a, CASES);
		if (!r)
			note("%u cases, %u differ", CASES,
			     op.params[1].value.a);
		TEEC_CloseSession(&s);
	}
	TEEC_FinalizeContext(&ctx);
}
