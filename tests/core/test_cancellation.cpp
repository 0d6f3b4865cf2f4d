// Stopping a fit part-way: a bound flag makes a minibatch throw before any of its work, and a scope
// restores the binding it replaced.

#include "core/cancellation.h"
#include "core/minibatch_training.h"

#include <QTest>

#include <atomic>

using namespace collapse;

class CancellationTest : public QObject {
    Q_OBJECT

private slots:
    void aSetFlagThrowsOnlyWhileBound()
    {
        std::atomic<bool> flag{true};
        throwIfCancelled(); // nothing bound
        {
            const CancellationScope scope(&flag);
            QVERIFY_THROWS_EXCEPTION(Cancelled, throwIfCancelled());
            flag = false;
            throwIfCancelled();
            flag = true;
        }
        throwIfCancelled(); // the binding went with its scope
    }

    void anInnerScopeRestoresTheOuter()
    {
        std::atomic<bool> outer{true};
        const CancellationScope outerScope(&outer);
        {
            const CancellationScope innerScope(nullptr);
            throwIfCancelled();
        }
        QVERIFY_THROWS_EXCEPTION(Cancelled, throwIfCancelled());
    }

    void aCancelledMinibatchDoesNoWork()
    {
        Eigen::VectorXf sliceGradient = Eigen::VectorXf::Zero(4);
        SlicedGradient gradient(4, 1, [&](int) -> Eigen::VectorXf& { return sliceGradient; });
        int slicesComputed = 0;
        const auto computeSlice = [&](int, Eigen::Index, Eigen::Index) {
            ++slicesComputed;
            sliceGradient.setOnes();
            return 1.0f;
        };
        std::atomic<bool> flag{false};
        const CancellationScope scope(&flag);
        QCOMPARE(gradient.compute(8, computeSlice), 1.0f);
        QCOMPARE(slicesComputed, 1);
        flag = true;
        QVERIFY_THROWS_EXCEPTION(Cancelled, gradient.compute(8, computeSlice));
        QCOMPARE(slicesComputed, 1);
    }
};

QTEST_APPLESS_MAIN(CancellationTest)
#include "test_cancellation.moc"
