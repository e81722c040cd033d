/*
 * Dev kit internals: how libutee's entry code and the per-TA part compiled
 * from src/user_ta_header.c (in the TA's own API mode) call each other.
 * Not for TA code.
 */
#ifndef RAMPART_UTEE_TA_GLUE_H
#define RAMPART_UTEE_TA_GLUE_H

#include <stdint.h>
#include <tee_api_types.h>

struct utee_params;

/*
 * utee_params -> TEE_Param[4] and back, in the GP 1.3 layout (size_t
 * sizes) or the GP 1.1 one (uint32_t sizes). *_in checks the types and, in
 * the 1.1 layout, that every memref size fits in 32 bits
 * (TEE_ERROR_BAD_PARAMETERS otherwise); up may be NULL (no parameters).
 * *_out writes output values and memref sizes back.
 */
/* Whether every nibble of @types is a GP parameter type (and no more). */
bool __utee_param_types_valid(uint64_t types);
TEE_Result __utee_params_in(__GP13_TEE_Param p[TEE_NUM_PARAMS], uint32_t *types,
			    const struct utee_params *up);
void __utee_params_out(struct utee_params *up, uint32_t types,
		       const __GP13_TEE_Param p[TEE_NUM_PARAMS]);
TEE_Result __utee_gp11_params_in(__GP11_TEE_Param p[TEE_NUM_PARAMS],
				 uint32_t *types, const struct utee_params *up);
void __utee_gp11_params_out(struct utee_params *up, uint32_t types,
			    const __GP11_TEE_Param p[TEE_NUM_PARAMS]);

/* In user_ta_header.c: call the TA's entry point in its API mode. */
TEE_Result __utee_ta_open_session(struct utee_params *up, void **sess_ctx);
TEE_Result __utee_ta_invoke_command(void *sess_ctx, uint32_t cmd_id,
				    struct utee_params *up);

#endif
