/*
 * Compiled into every TA by the dev kit, with the TA's own flags (so in
 * its GP API mode) and its user_ta_header_defines.h:
 *   - ta_head, the 32-byte header at offset 0 of the image (section
 *     .ta_head, placed first by ta.ld.S);
 *   - ta_props[] / ta_num_props, the TA's property table;
 *   - ta_heap[TA_DATA_SIZE], the heap TEE_Malloc and malloc use;
 *   - trace_level / trace_ext_prefix for the trace functions;
 *   - the two entry glue functions libutee calls to reach the TA's
 *     open-session and invoke-command entry points with TEE_Param in the
 *     layout the TA was compiled for (GP 1.3 size_t or GP 1.1 uint32_t).
 */
#include <compiler.h>
#include <rampart/abi/utee.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>
#include <tee_ta_api.h>
#include <trace.h>
#include <user_ta_header.h>
#include <utee_ta_glue.h>

#include <user_ta_header_defines.h>

#ifndef TA_UUID
#error "user_ta_header_defines.h must define TA_UUID"
#endif
#ifndef TA_FLAGS
#error "user_ta_header_defines.h must define TA_FLAGS"
#endif
#ifndef TA_STACK_SIZE
#error "user_ta_header_defines.h must define TA_STACK_SIZE"
#endif
#ifndef TA_DATA_SIZE
#error "user_ta_header_defines.h must define TA_DATA_SIZE"
#endif
#ifndef TA_VERSION
#define TA_VERSION "Undefined version"
#endif
#ifndef TA_DESCRIPTION
#define TA_DESCRIPTION "Undefined description"
#endif

_Static_assert(TA_DATA_SIZE >= 1024, "TA_DATA_SIZE must be at least 1024");
_Static_assert(TA_STACK_SIZE > 0 &&
		       (TA_STACK_SIZE + TA_FRAMEWORK_STACK_SIZE) % 16 == 0,
	       "TA_STACK_SIZE must be a positive multiple of 16");
_Static_assert(((TA_FLAGS) & ~TA_FLAGS_MASK) == 0,
	       "TA_FLAGS has bits outside TA_FLAGS_MASK");
_Static_assert(((TA_FLAGS)&TA_FLAG_CONCURRENT) == 0,
	       "TA_FLAG_CONCURRENT is for pseudo-TAs only");

/* The loader's view of the header (inc/rampart/abi/utee.h) must match. */
_Static_assert(sizeof(struct ta_head) == sizeof(struct utee_ta_head) &&
		       sizeof(struct ta_head) == 32,
	       "struct ta_head size");
_Static_assert(offsetof(struct ta_head, stack_size) ==
			       offsetof(struct utee_ta_head, stack_size) &&
		       offsetof(struct ta_head, flags) ==
			       offsetof(struct utee_ta_head, flags) &&
		       offsetof(struct ta_head, depr_entry) ==
			       offsetof(struct utee_ta_head, depr_entry),
	       "struct ta_head layout");

const struct ta_head ta_head __section(".ta_head") __used = {
	.uuid = TA_UUID,
	.stack_size = TA_STACK_SIZE + TA_FRAMEWORK_STACK_SIZE,
	.flags = TA_FLAGS,
	.depr_entry = UINT64_MAX,
};

/* The heap (in .bss, so it costs nothing in the image). */
uint8_t ta_heap[TA_DATA_SIZE] __aligned(16);
const size_t ta_heap_size = sizeof(ta_heap);

int trace_level = TRACE_LEVEL;
const char trace_ext_prefix[] = "TA";

static const bool prop_single_instance =
	((TA_FLAGS)&TA_FLAG_SINGLE_INSTANCE) != 0;
static const bool prop_multi_session = ((TA_FLAGS)&TA_FLAG_MULTI_SESSION) != 0;
static const bool prop_keep_alive =
	((TA_FLAGS)&TA_FLAG_INSTANCE_KEEP_ALIVE) != 0;
static const bool prop_keep_crashed =
	((TA_FLAGS)&TA_FLAG_INSTANCE_KEEP_CRASHED) != 0;
static const bool prop_no_close_on_corrupt =
	((TA_FLAGS)&TA_FLAG_DONT_CLOSE_HANDLE_ON_CORRUPT_OBJECT) != 0;
static const uint32_t prop_data_size = TA_DATA_SIZE;
static const uint32_t prop_stack_size = TA_STACK_SIZE;
static const uint32_t prop_endian; /* 0: little-endian */

const struct user_ta_property ta_props[] = {
	{TA_PROP_STR_SINGLE_INSTANCE, USER_TA_PROP_TYPE_BOOL,
	 &prop_single_instance},
	{TA_PROP_STR_MULTI_SESSION, USER_TA_PROP_TYPE_BOOL,
	 &prop_multi_session},
	{TA_PROP_STR_KEEP_ALIVE, USER_TA_PROP_TYPE_BOOL, &prop_keep_alive},
	{TA_PROP_STR_KEEP_CRASHED, USER_TA_PROP_TYPE_BOOL, &prop_keep_crashed},
	{TA_PROP_STR_DATA_SIZE, USER_TA_PROP_TYPE_U32, &prop_data_size},
	{TA_PROP_STR_STACK_SIZE, USER_TA_PROP_TYPE_U32, &prop_stack_size},
	{TA_PROP_STR_VERSION, USER_TA_PROP_TYPE_STRING, TA_VERSION},
	{TA_PROP_STR_DESCRIPTION, USER_TA_PROP_TYPE_STRING, TA_DESCRIPTION},
	{TA_PROP_STR_ENDIAN, USER_TA_PROP_TYPE_U32, &prop_endian},
	{TA_PROP_STR_DOES_NOT_CLOSE_HANDLE_ON_CORRUPT_OBJECT,
	 USER_TA_PROP_TYPE_BOOL, &prop_no_close_on_corrupt},
#ifdef TA_CURRENT_TA_EXT_PROPERTIES
	TA_CURRENT_TA_EXT_PROPERTIES
#endif
};

const size_t ta_num_props = sizeof(ta_props) / sizeof(ta_props[0]);

/*
 * Entry glue. TEE_Param and the two entry-point names below are the GP 1.1
 * ones when this file is compiled with __OPTEE_CORE_API_COMPAT_1_1=1.
 */
#if __OPTEE_CORE_API_COMPAT_1_1
#define PARAMS_IN __utee_gp11_params_in
#define PARAMS_OUT __utee_gp11_params_out
#else
#define PARAMS_IN __utee_params_in
#define PARAMS_OUT __utee_params_out
#endif

TEE_Result __utee_ta_open_session(struct utee_params *up, void **sess_ctx)
{
	TEE_Param params[TEE_NUM_PARAMS];
	uint32_t types = 0;
	TEE_Result res = PARAMS_IN(params, &types, up);

	if (res != TEE_SUCCESS)
		return res;
	res = TA_OpenSessionEntryPoint(types, params, sess_ctx);
	PARAMS_OUT(up, types, params);
	return res;
}

TEE_Result __utee_ta_invoke_command(void *sess_ctx, uint32_t cmd_id,
				    struct utee_params *up)
{
	TEE_Param params[TEE_NUM_PARAMS];
	uint32_t types = 0;
	TEE_Result res = PARAMS_IN(params, &types, up);

	if (res != TEE_SUCCESS)
		return res;
	res = TA_InvokeCommandEntryPoint(sess_ctx, cmd_id, types, params);
	PARAMS_OUT(up, types, params);
	return res;
}
