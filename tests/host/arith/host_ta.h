/*
 * The host build of arith_ta (tests/host/test_arith.sh): the TA, libutee's
 * Arithmetical API and mbedTLS run natively under ASan/UBSan. host_env.c
 * stands in for the rest of libutee and for the TA instance; host_client.c
 * stands in for libteec and tatest, so tests/guest/tatest/arith.c runs
 * unchanged against the same vectors as in QEMU.
 */
#ifndef HOST_TA_H
#define HOST_TA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Invokes the TA's command cmd with [0] MEMREF_INPUT req and [1]
 * MEMREF_OUTPUT rsp (*rsp_size updated). False if the TA panicked: every
 * allocation of the instance is then freed, as if it had been destroyed.
 */
bool host_ta_invoke(uint32_t cmd, void *req, size_t req_size, void *rsp,
		    size_t *rsp_size, uint32_t *res);

#endif
