/* The yielding call a secure thread is serving. */
#ifndef TEE_STD_CALL_H
#define TEE_STD_CALL_H

#include <tee/ns_mem.h>

struct std_call {
	struct ns_buf arg;     /* the optee_msg_arg in normal-world memory */
	struct ns_buf rpc_arg; /* where RPC requests are written (RPC_ARG) */
	uint32_t session;
	uint32_t cancel_id;
	bool in_session; /* an INVOKE/OPEN that CANCEL may target */
};

#endif
