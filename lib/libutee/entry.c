/*
 * TA-side dispatch of the core's entries (inc/rampart/abi/utee.h): the
 * instance's life cycle (TA_CreateEntryPoint before the first session,
 * TA_DestroyEntryPoint on UTEE_ENTRY_DESTROY) and the session table that
 * maps the core's session ids to the TA's session contexts. Every entry
 * ends with the RETURN system call carrying the TEE_Result.
 */
#include <compiler.h>
#include <rampart/abi/utee.h>
#include <stdbool.h>
#include <stdint.h>
#include <tee_internal_api.h>
#include <trace.h>
#include <utee_ta_glue.h>

#include "utee_syscalls.h"

struct ta_session {
	struct ta_session *next;
	unsigned long id;
	void *ctx;
};

static bool instance_created;
static struct ta_session *sessions;

void __utee_entry(unsigned long func, unsigned long session_id,
		  struct utee_params *up, unsigned long cmd_id) __noreturn;

static struct ta_session *find_session(unsigned long id,
				       struct ta_session ***link_out)
{
	struct ta_session **link = &sessions;

	while (*link) {
		if ((*link)->id == id) {
			if (link_out)
				*link_out = link;
			return *link;
		}
		link = &(*link)->next;
	}
	return NULL;
}

static TEE_Result open_session(unsigned long id, struct utee_params *up)
{
	struct ta_session *s;
	TEE_Result res;

	if (find_session(id, NULL)) {
		EMSG("session %lu is already open", id);
		return TEE_ERROR_BAD_STATE;
	}
	if (!instance_created) {
		res = TA_CreateEntryPoint();
		if (res != TEE_SUCCESS)
			return res;
		instance_created = true;
	}
	s = TEE_Malloc(sizeof(*s), TEE_MALLOC_FILL_ZERO);
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	s->id = id;
	res = __utee_ta_open_session(up, &s->ctx);
	if (res != TEE_SUCCESS) {
		TEE_Free(s);
		return res;
	}
	s->next = sessions;
	sessions = s;
	return TEE_SUCCESS;
}

static TEE_Result close_session(unsigned long id)
{
	struct ta_session **link = NULL;
	struct ta_session *s = find_session(id, &link);

	if (!s) {
		EMSG("close of unknown session %lu", id);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	TA_CloseSessionEntryPoint(s->ctx);
	*link = s->next;
	TEE_Free(s);
	return TEE_SUCCESS;
}

static TEE_Result invoke_command(unsigned long id, unsigned long cmd_id,
				 struct utee_params *up)
{
	struct ta_session *s = find_session(id, NULL);

	if (!s) {
		EMSG("command for unknown session %lu", id);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	return __utee_ta_invoke_command(s->ctx, (uint32_t)cmd_id, up);
}

static TEE_Result destroy_instance(void)
{
	struct ta_session *s;

	/* The core closes sessions first; forget any it did not. */
	while ((s = sessions) != NULL) {
		sessions = s->next;
		TEE_Free(s);
	}
	if (instance_created) {
		TA_DestroyEntryPoint();
		instance_created = false;
	}
	return TEE_SUCCESS;
}

void __utee_entry(unsigned long func, unsigned long session_id,
		  struct utee_params *up, unsigned long cmd_id)
{
	TEE_Result res;

	switch (func) {
	case UTEE_ENTRY_OPEN_SESSION:
		res = open_session(session_id, up);
		break;
	case UTEE_ENTRY_CLOSE_SESSION:
		res = close_session(session_id);
		break;
	case UTEE_ENTRY_INVOKE_COMMAND:
		res = invoke_command(session_id, cmd_id, up);
		break;
	case UTEE_ENTRY_DESTROY:
		res = destroy_instance();
		break;
	default:
		EMSG("unknown entry function %lu", func);
		res = TEE_ERROR_NOT_SUPPORTED;
		break;
	}
	_utee_return(res);
}
