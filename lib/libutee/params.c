/*
 * struct utee_params (u64 types, u64 vals[8]: value a/b or memref
 * buffer/size per parameter) <-> TEE_Param[4], in the GP 1.3 layout (size_t
 * memref sizes) and the GP 1.1 one (uint32_t sizes). Which one a TA gets is
 * decided in its own user_ta_header.c.
 */
#include <rampart/abi/utee.h>
#include <stdint.h>
#include <string.h>
#include <tee_internal_api.h>
#include <utee_ta_glue.h>

bool __utee_param_types_valid(uint64_t types)
{
	if (types >> 16)
		return false;
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		switch (TEE_PARAM_TYPE_GET(types, i)) {
		case TEE_PARAM_TYPE_NONE:
		case TEE_PARAM_TYPE_VALUE_INPUT:
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
		case TEE_PARAM_TYPE_MEMREF_INPUT:
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			break;
		default:
			return false;
		}
	}
	return true;
}

static bool is_value(uint32_t t)
{
	return t == TEE_PARAM_TYPE_VALUE_INPUT ||
	       t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       t == TEE_PARAM_TYPE_VALUE_INOUT;
}

static bool is_memref(uint32_t t)
{
	return t == TEE_PARAM_TYPE_MEMREF_INPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

static bool is_output(uint32_t t)
{
	return t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       t == TEE_PARAM_TYPE_VALUE_INOUT ||
	       t == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

static TEE_Result get_types(const struct utee_params *up, uint32_t *types)
{
	*types = 0;
	if (!up)
		return TEE_SUCCESS;
	if (!__utee_param_types_valid(up->types))
		return TEE_ERROR_BAD_PARAMETERS;
	*types = (uint32_t)up->types;
	return TEE_SUCCESS;
}

TEE_Result __utee_params_in(__GP13_TEE_Param p[TEE_NUM_PARAMS], uint32_t *types,
			    const struct utee_params *up)
{
	TEE_Result res = get_types(up, types);

	memset(p, 0, sizeof(*p) * TEE_NUM_PARAMS);
	if (res != TEE_SUCCESS || !up)
		return res;
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(*types, i);
		uint64_t a = up->vals[2 * i];
		uint64_t b = up->vals[2 * i + 1];

		if (is_value(t)) {
			p[i].value.a = (uint32_t)a;
			p[i].value.b = (uint32_t)b;
		} else if (is_memref(t)) {
			p[i].memref.buffer = (void *)(uintptr_t)a;
			p[i].memref.size = (size_t)b;
		}
	}
	return TEE_SUCCESS;
}

void __utee_params_out(struct utee_params *up, uint32_t types,
		       const __GP13_TEE_Param p[TEE_NUM_PARAMS])
{
	if (!up)
		return;
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (!is_output(t))
			continue;
		if (is_value(t)) {
			up->vals[2 * i] = p[i].value.a;
			up->vals[2 * i + 1] = p[i].value.b;
		} else {
			up->vals[2 * i + 1] = p[i].memref.size;
		}
	}
}

TEE_Result __utee_gp11_params_in(__GP11_TEE_Param p[TEE_NUM_PARAMS],
				 uint32_t *types, const struct utee_params *up)
{
	TEE_Result res = get_types(up, types);

	memset(p, 0, sizeof(*p) * TEE_NUM_PARAMS);
	if (res != TEE_SUCCESS || !up)
		return res;
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(*types, i);
		uint64_t a = up->vals[2 * i];
		uint64_t b = up->vals[2 * i + 1];

		if (is_value(t)) {
			p[i].value.a = (uint32_t)a;
			p[i].value.b = (uint32_t)b;
		} else if (is_memref(t)) {
			/* A 1.1 TA cannot see a size beyond 4 GiB - 1. */
			if (b > UINT32_MAX)
				return TEE_ERROR_BAD_PARAMETERS;
			p[i].memref.buffer = (void *)(uintptr_t)a;
			p[i].memref.size = (uint32_t)b;
		}
	}
	return TEE_SUCCESS;
}

void __utee_gp11_params_out(struct utee_params *up, uint32_t types,
			    const __GP11_TEE_Param p[TEE_NUM_PARAMS])
{
	if (!up)
		return;
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (!is_output(t))
			continue;
		if (is_value(t)) {
			up->vals[2 * i] = p[i].value.a;
			up->vals[2 * i + 1] = p[i].value.b;
		} else {
			up->vals[2 * i + 1] = p[i].memref.size;
		}
	}
}
