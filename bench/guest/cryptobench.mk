# cryptobench: the client of perf_ta (bench/ta/perf_ta, built by
# ta/export.mk), as a fragment of the top-level Makefile. Builds
# $(O)/guest/cryptobench (static, against $(O)/export-client); run by
# bench/sym_crypto.sh (`make bench`) and tests/qemu/test_perf_ta.sh.

CRYPTOBENCH_CLIENT_EXPORT := $(O)/export-client

$(O)/guest/cryptobench: bench/guest/cryptobench.c bench/guest/cryptobench.mk \
		bench/ta/perf_ta/include/perf_ta.h \
		$(CRYPTOBENCH_CLIENT_EXPORT)/include/tee_client_api.h \
		$(CRYPTOBENCH_CLIENT_EXPORT)/lib/libteec.a | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GUESTCC $@"
	$(Q)$(GUEST_CC) $(GUEST_CFLAGS) -I$(CRYPTOBENCH_CLIENT_EXPORT)/include \
		-Ibench/ta/perf_ta/include -o $@ $< \
		$(CRYPTOBENCH_CLIENT_EXPORT)/lib/libteec.a

GUEST_PROGS += $(O)/guest/cryptobench
