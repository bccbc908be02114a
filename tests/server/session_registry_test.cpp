#include "server/backend/session_registry.h"

#include <gtest/gtest.h>

namespace chalkdb {
namespace {

class RecordingBackend : public BackendControl {
 public:
  void cancel_statement() override { ++cancels; }
  void terminate() override { ++terminations; }
  void disconnect() override { ++disconnects; }

  int cancels = 0;
  int terminations = 0;
  int disconnects = 0;
};

TEST(SessionRegistryTest, SlotsAreLimitedByMaxConnections) {
  SessionRegistry registry(2);
  auto first = registry.try_reserve(registry.next_process_id());
  auto second = registry.try_reserve(registry.next_process_id());
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(registry.try_reserve(registry.next_process_id()));
  EXPECT_EQ(registry.active_sessions(), 2u);
  first.reset();
  EXPECT_EQ(registry.active_sessions(), 1u);
  EXPECT_TRUE(registry.try_reserve(registry.next_process_id()));
}

TEST(SessionRegistryTest, ProcessIdsAreDistinctAndPositive) {
  SessionRegistry registry(10);
  int32_t a = registry.next_process_id();
  int32_t b = registry.next_process_id();
  EXPECT_GT(a, 0);
  EXPECT_NE(a, b);
}

TEST(SessionRegistryTest, CancelNeedsTheRightSecretKey) {
  SessionRegistry registry(5);
  auto slot = registry.try_reserve(registry.next_process_id());
  ASSERT_TRUE(slot);
  RecordingBackend backend;
  slot->attach(backend);
  registry.cancel(slot->process_id(), slot->secret_key() ^ 1);
  registry.cancel(slot->process_id() + 1000, slot->secret_key());
  EXPECT_EQ(backend.cancels, 0);
  registry.cancel(slot->process_id(), slot->secret_key());
  EXPECT_EQ(backend.cancels, 1);
}

TEST(SessionRegistryTest, SecretKeysDiffer) {
  SessionRegistry registry(5);
  auto a = registry.try_reserve(registry.next_process_id());
  auto b = registry.try_reserve(registry.next_process_id());
  auto c = registry.try_reserve(registry.next_process_id());
  // Three equal 32-bit random keys would mean the keys are not random.
  EXPECT_FALSE(a->secret_key() == b->secret_key() && b->secret_key() == c->secret_key());
}

TEST(SessionRegistryTest, DetachedOrReleasedBackendsAreNotReached) {
  SessionRegistry registry(5);
  RecordingBackend backend;
  auto slot = registry.try_reserve(registry.next_process_id());
  slot->attach(backend);
  slot->detach();
  registry.cancel(slot->process_id(), slot->secret_key());
  registry.terminate_all();
  EXPECT_EQ(backend.cancels, 0);
  EXPECT_EQ(backend.terminations, 0);
}

TEST(SessionRegistryTest, TerminateReachesAttachedAndLaterBackends) {
  SessionRegistry registry(5);
  RecordingBackend running;
  RecordingBackend starting;
  auto running_slot = registry.try_reserve(registry.next_process_id());
  auto starting_slot = registry.try_reserve(registry.next_process_id());
  running_slot->attach(running);
  registry.terminate_all();
  EXPECT_EQ(running.terminations, 1);
  starting_slot->attach(starting);  // its thread started after shutdown began
  EXPECT_EQ(starting.terminations, 1);
  registry.disconnect_all();
  EXPECT_EQ(running.disconnects, 1);
  EXPECT_EQ(starting.disconnects, 1);
}

TEST(SessionRegistryTest, MovedSlotReleasesOnce) {
  SessionRegistry registry(1);
  auto slot = registry.try_reserve(registry.next_process_id());
  {
    SessionRegistry::Slot moved(std::move(*slot));
    slot.reset();
    EXPECT_EQ(registry.active_sessions(), 1u);
  }
  EXPECT_EQ(registry.active_sessions(), 0u);
}

}  // namespace
}  // namespace chalkdb
