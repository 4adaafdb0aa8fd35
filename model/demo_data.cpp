#include "demo_data.h"
// Maya and Sam: a sample couple with half a year of life in the app.
//
// Layout: the text pools first, then a DemoContext that every feature shares
// (random numbers, today, partner ids), then one static function per feature
// (couple, categories, gratitude, breaks, plans, listening sessions, weekly
// reviews), each with its pool next to it and one add_xxx(ctx) call in
// fill_demo_data, inside the same transaction. Later features read what
// earlier ones left in the context (review Sundays, break ids, sessions, date
// plans). Plans go through the planner's API (it validates), then their rows
// are dated to when the couple would have filled them in; sessions and
// reviews are written as rows, since their APIs stamp the real time.
//
// Determinism: one std::mt19937 seeded from the caller, and our own
// uniform/shuffle helpers (the standard distributions differ between standard
// libraries), so a seed gives the same couple on every platform. Row ids are
// fresh UUIDs; everything the couple can see is reproducible.

#include "time_util.h"
#include "utf8.h"
#include "uuid.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

// The pools below are UTF-8 string literals (curly quotes, accents, emoji).
static_assert(sizeof("é") == 3, "compile with a UTF-8 execution character set (MSVC: /utf-8)");

namespace hearth {
namespace {

using namespace std::chrono;

// ---------------------------------------------------------------------------
// Text pools
// ---------------------------------------------------------------------------

// The category a line suggests. Patience is the couple's own category.
enum class Cat { none, words, care, support, time, affection, growth, patience };

struct Line {
    Cat cat;
    const char* text;
};

// Maya (a nurse on early shifts, learning Spanish, training for a 10k) about Sam.
constexpr Line kMayaToSam[] = {
    {Cat::care, "Thank you for warming up the car before my early shift — I got to sit with my coffee a bit longer instead of scraping ice."},
    {Cat::support, "Thanks for listening to me rant about the rota for twenty minutes without once trying to fix it. I just needed to be heard, and you knew."},
    {Cat::care, "You made crème brûlée for Sunday dinner just because I mentioned it once back in March. I can’t believe you remembered ♥"},
    {Cat::words, "Thank you for texting me “proud of you” before my presentation. I read it twice in the corridor and walked in taller."},
    {Cat::time, "I loved our walk along the canal on Saturday — phones in pockets, just talking about nothing. It felt like us again."},
    {Cat::care, "Thanks for taking the bins out in the rain on Tuesday so I didn’t have to go back out after my shift."},
    {Cat::patience, "When I snapped at you about the dishes, you waited until I’d calmed down and then asked what was really going on. Thank you for your patience."},
    {Cat::support, "Thank you for coming to my 10k and standing at the 8k mark with that ridiculous sign. It got me through the last stretch."},
    {Cat::affection, "You held my hand the whole time in the hospital waiting room with Mum. I didn’t have to say anything, and you didn’t need me to."},
    {Cat::time, "Thanks for booking the little café by the market for our anniversary — the window table and everything ★"},
    {Cat::words, "Thank you for telling Zoë how hard I’ve been working. Hearing you say it to someone else meant more than you know."},
    {Cat::care, "You sorted out the boiler appointment and the landlord emails without me asking. That was a whole weight off my week."},
    {Cat::growth, "Thank you for practising Spanish with me over dinner, even when my verb endings made you laugh… ¡gracias, cariño!"},
    {Cat::patience, "I appreciated you saying sorry first after Thursday’s argument. It made it so much easier for me to say sorry too."},
    {Cat::affection, "Thanks for the six-second kiss at the door this morning. I know it sounds silly, but it changed my whole commute."},
    {Cat::care, "You cooked three nights in a row while I was on nights. Coming home to a plate in the fridge with a note on it — thank you."},
    {Cat::growth, "Thank you for encouraging me to apply for the senior role. I wouldn’t have done it without you asking “why not you?”"},
    {Cat::time, "I loved that you put on our old playlist while we cleaned the kitchen. Dancing with a tea towel counts as quality time."},
    {Cat::support, "Thanks for noticing I was quiet at dinner and asking, gently, instead of assuming it was about you."},
    {Cat::affection, "You let me have the last slice of pizza and pretended you weren’t hungry. I saw straight through it, and I love you for it."},
    {Cat::care, "Thank you for fixing my bike brakes before Sunday. I felt so much safer going down the hill."},
    {Cat::support, "Thank you for sitting with me on the bathroom floor while I cried about work, and for not rushing me. 🌻"},
    {Cat::words, "Thanks for the note in my lunchbox: “You’ve got this. Also, there’s chocolate at the bottom.” There was ♥"},
    {Cat::growth, "You came with me to the climbing wall even though heights aren’t your thing. Watching you try made me so proud."},
    {Cat::care, "Thank you for handling the call with the insurance people. I know how much you hate the phone."},
    {Cat::patience, "I appreciated how patient you were teaching me to parallel park — no sighing, not even once."},
    {Cat::time, "Thanks for planning a whole Sunday with no plans: pancakes, a film, a nap. Exactly what I needed."},
    {Cat::support, "Thank you for telling me my idea for the garden was a good one, and then actually helping me dig."},
    {Cat::words, "You remembered to ask how Inès’s operation went. She was touched, and so was I."},
    {Cat::care, "Thanks for cleaning my work shoes. It’s a tiny, unglamorous thing and it made me feel looked after."},
    {Cat::affection, "Thank you for the long hug when I got home on Wednesday. You didn’t ask anything, you just held on."},
    {Cat::time, "I loved that you read the first chapter of my book club book out loud when my eyes were too tired to focus."},
    {Cat::patience, "Thank you for keeping your cool when we got lost on the way to Zoë’s. You turned it into an adventure."},
    {Cat::support, "Thanks for saying “I hear you” and meaning it when I talked about wanting to see my family more."},
    {Cat::support, "You wrote down everything the doctor said so I didn’t have to hold it all in my head. I felt less alone in that room."},
    {Cat::support, "Thank you for making room for my early nights this week without ever making me feel boring."},
    {Cat::care, "Thanks for getting up with me at 5:30 to make coffee. You didn’t have to, and you went back to bed smiling."},
    {Cat::growth, "Thank you for trying the mindfulness app with me. Ten minutes of breathing side by side was lovely."},
    {Cat::care, "You left the porch light on and the heating up for when I got back late. Coming home felt warm in every sense."},
    {Cat::patience, "Thank you for being so kind to my dad on the phone, even when he told the same story three times."},
    {Cat::growth, "I appreciated that you told me honestly you were hurt, with an “I feel” instead of a “you always”. It made it easy to listen."},
    {Cat::affection, "Thanks for the surprise flowers on a random Tuesday. Sunflowers are still my favourite."},
    {Cat::care, "Thank you for taking charge of the shopping list and the big shop this week — I didn’t have to think about food once."},
    {Cat::affection, "Thank you for making me laugh until I snorted during the washing-up. I needed that after the week I’d had."},
    {Cat::support, "You asked me three questions about my shift and really listened to the answers. That felt like being seen."},
    {Cat::growth, "Thank you for cheering so loudly about my Spanish test. 78% has never sounded so good."},
    {Cat::time, "Thanks for the picnic on the living room floor when the rain ruined our plans. Best date this month."},
    {Cat::time, "I appreciated you putting your phone in the drawer for our Sunday evening talk. It made the whole hour feel like ours."},
    {Cat::care, "Thank you for tidying the hallway before my friends came round. You knew it would help me relax."},
    {Cat::words, "Thank you for telling me you love my laugh. I’ve been thinking about it all day."},
    {Cat::patience, "You didn’t take it personally when I needed a break in the middle of our talk. Coming back half an hour later went so much better."},
    {Cat::care, "Thanks for learning to make my grandmother’s soup. The whole kitchen smelled exactly like hers."},
    {Cat::support, "Thank you for reminding me to drink water and eat something on my double shift. You’re my favourite nag ♥"},
    {Cat::time, "I loved our slow morning in bed with the crossword. Seven down was “cherish” and you grinned at me."},
    {Cat::support, "Thank you for backing me up at dinner with your parents. You didn’t make a scene; you just stood next to me."},
    {Cat::care, "Thank you for waiting up with tea when I came home from the late shift — the kitchen light on, two mugs out."},
    {Cat::care, "You noticed I’d been rubbing my shoulder and booked me a massage. I didn’t even have to mention it."},
    {Cat::words, "Thanks for writing me a proper birthday card instead of just signing your name. I’ve read it five times."},
    {Cat::growth, "Thank you for doing the budget with me without getting defensive. It felt like we were on the same team."},
    {Cat::affection, "I appreciated you coming to bed early with me even though you wanted to finish your game. It was nice to fall asleep together."},
    {Cat::patience, "Thank you for being patient with me while I worked out what I actually wanted from the weekend…"},
    {Cat::time, "Thanks for introducing me to that podcast. Our walks have had a whole new running joke ever since."},
    {Cat::affection, "Thank you for asking “what can I do to make you feel loved this week?” and then doing exactly that."},
    {Cat::support, "You stayed calm when the car broke down on the motorway and made it all feel manageable. I felt so safe with you."},
    {Cat::care, "Thanks for the smoothie on the counter after my run — and for hiding spinach in it without telling me."},
    {Cat::growth, "Thank you for trying the salsa class with me. You were terrible and brilliant and I want to go again 💃"},
    {Cat::none, "Thank you for putting my favourite song on in the car without me asking. Instant good mood."},
};

// Sam (a teacher who bakes bread and plays guitar, with a sister, Zoë) about Maya.
constexpr Line kSamToMaya[] = {
    {Cat::care, "Thank you for packing my bag for the school trip when I was panicking at midnight. You even put plasters in."},
    {Cat::support, "Thanks for sitting through all three versions of my guitar song and still saying the chorus gave you goosebumps."},
    {Cat::words, "You told me my bread looked like it came from a real bakery. It didn’t, but I’ve been proud of it all week."},
    {Cat::time, "Thank you for keeping a whole Saturday free just for us, even though you could have picked up an extra shift."},
    {Cat::patience, "I appreciated you asking for a break when our talk about money got heated — and coming back exactly when you said you would."},
    {Cat::care, "Thank you for sorting Zoë’s birthday present when I forgot. She loved the scarf, and I didn’t look like a terrible brother."},
    {Cat::affection, "Thanks for the back rub after parents’ evening. Four hours of “he’s a delight, but…” and you fixed it in ten minutes."},
    {Cat::support, "You stood next to me at Grandad’s memorial and squeezed my hand every time my voice wobbled. I couldn’t have read without you."},
    {Cat::care, "Thank you for cooking Mum’s lasagne recipe when she came to stay. She noticed, and so did I."},
    {Cat::growth, "Thanks for encouraging me to sign up for the pottery class. I made a wonky bowl and I love it."},
    {Cat::time, "I loved our café breakfast on Sunday — pain au chocolat, the big window, no phones. Just us."},
    {Cat::words, "Thank you for telling me you were proud of me after the inspection. I kept replaying it on the drive home."},
    {Cat::patience, "You didn’t say “I told you so” about the flat-pack wardrobe. You just handed me the right screw. Thank you."},
    {Cat::care, "Thanks for getting up early with me on exam day and making porridge for both of us."},
    {Cat::growth, "Thank you for reading my cover letter three times and being honest that the first version was boring."},
    {Cat::care, "I noticed you’d brought my favourite mug home after I left it at school for a week. Small thing, big smile."},
    {Cat::words, "Thank you for the “good luck” voice note before my interview — hearing your voice calmed me right down."},
    {Cat::support, "You let me talk about the football for a full twenty minutes and even asked follow-up questions. That’s love ★"},
    {Cat::affection, "Thanks for holding my hand through the scary bit of the film even though you weren’t scared at all."},
    {Cat::patience, "Thank you for being so patient when I kept losing my keys this week. You just quietly checked my coat pocket."},
    {Cat::time, "I loved that you planned our walk around the lake and packed a flask of hot chocolate. Best Sunday in ages."},
    {Cat::care, "Thank you for doing the washing-up every night this week while I was marking. I noticed every single time."},
    {Cat::support, "Thanks for saying “tell me more” instead of giving advice when I talked about my head of department. It helped so much."},
    {Cat::words, "You wrote “you’re a good teacher” on a sticky note on my laptop. It’s still there. It’s staying there."},
    {Cat::growth, "Thank you for learning the chords to our song so we could play it together. Badly, but together 🎸"},
    {Cat::affection, "Thanks for the hug before your early shift, even though you had about four minutes to spare."},
    {Cat::care, "Thank you for ringing my mum on her birthday when I was stuck on the school trip. She was over the moon."},
    {Cat::growth, "I appreciated you being honest that you felt left out when I went to the pub. You said it kindly, and I heard it."},
    {Cat::care, "Thanks for the crème brûlée — yes, the top was more charcoal than caramel, and it was still the best dessert I’ve had all year."},
    {Cat::time, "Thank you for taking me to the old cinema where your parents had their first date. I love knowing your stories."},
    {Cat::care, "You noticed I was running on empty and ordered my favourite takeaway without asking. Perfect call."},
    {Cat::patience, "Thank you for not rushing me while I worked out how I felt about moving. Your patience made room for a real answer."},
    {Cat::time, "Thanks for putting up the shelves with me. We only argued once, and we laughed about it straight after."},
    {Cat::affection, "Thank you for calling me “love” in front of your colleagues. It’s silly how happy that made me ♥"},
    {Cat::words, "I loved how you introduced me to Zoë’s new partner: “this one makes the best bread in town.” Thank you."},
    {Cat::support, "Thanks for reminding me that one bad lesson doesn’t make a bad teacher. I needed to hear that on Thursday."},
    {Cat::time, "Thank you for the quiet evening you set up — candles, slow breathing, no screens. I slept like a log."},
    {Cat::support, "You swapped shifts so you could come to the school concert. Seeing you in the third row made my night."},
    {Cat::patience, "Thank you for trying the new recipe with me even though it had coriander in it, which you hate."},
    {Cat::care, "Thanks for the tea delivered to my desk every hour while I wrote reports. You were my whole support crew."},
    {Cat::growth, "Thank you for telling me what you needed instead of waiting for me to guess. It made the evening so much easier."},
    {Cat::support, "I appreciated you asking how my day was and putting your book down to really hear the answer."},
    {Cat::time, "Thank you for the surprise picnic in the park after school — strawberries, cheese and a ridiculous hat."},
    {Cat::affection, "Thanks for holding the ladder and not laughing when I slipped off the bottom step. Well, laughing a bit."},
    {Cat::support, "Thank you for letting me vent about the parking ticket and then helping me see the funny side."},
    {Cat::affection, "You made a playlist for my long drive to Grandma’s. The third song made me call you from a lay-by."},
    {Cat::patience, "Thank you for being gentle with me when I got the date of your work party wrong… again."},
    {Cat::care, "Thanks for clearing the whole kitchen table so I could spread out my lesson plans. Tiny thing, huge help."},
    {Cat::growth, "Thank you for talking me into the 5k with you. I hated the first week and I love it now."},
    {Cat::time, "I loved that you read out the silly horoscopes over breakfast and then made up better ones for us."},
    {Cat::words, "Thank you for writing down three things you appreciated about me at our Sunday check-in. I’ve kept the list."},
    {Cat::support, "You told me my worries about Dad made sense and that you’d feel the same. That helped more than any advice."},
    {Cat::affection, "Thanks for the kiss on the forehead when you thought I was asleep. I wasn’t ♥"},
    {Cat::time, "Thank you for moving your plans with Inès so we could have a quiet night in when I was exhausted."},
    {Cat::words, "Thank you for the note you left on the fridge after I fixed the tap. We should do more of those."},
    {Cat::support, "You practised interview questions with me for an hour and played a very convincing grumpy headteacher. Thank you."},
    {Cat::patience, "Thanks for keeping calm when I burnt the risotto. You just opened a window and then a bottle of wine."},
    {Cat::growth, "Thank you for teaching me to say “te quiero” properly. I know my accent still makes you smile."},
    {Cat::time, "I appreciated you turning down that extra shift so we could keep our Sunday walk. I know it wasn’t easy."},
    {Cat::care, "Thank you for sorting the recycling and the car tax in one morning. I don’t know how you do it."},
    {Cat::support, "Thanks for sitting on the stairs with me while we waited for the vet to ring about Biscuit. Holding your hand helped."},
    {Cat::patience, "Thank you for being the first to say “let’s try again” after our argument on Friday."},
    {Cat::care, "You bought the good coffee even though it’s a bit dear, because you know Monday mornings are hard for me."},
    {Cat::affection, "Thank you for asking about my pottery and then actually eating your cereal out of the wonky bowl."},
    {Cat::time, "Thanks for the drive to the coast on a whim. Chips on the harbour wall, wind in our faces — perfect."},
    {Cat::words, "Thank you for reading the week’s appreciations out loud on Sunday. Hearing them in your voice made my week."},
    {Cat::none, "Thank you for taking Biscuit out at six so I could have a lie-in on my one free morning."},
};

// Composable appreciations: opener + act + why. Acts and whys are written to
// pair with any opener (all openers take a verb in -ing form).
constexpr const char* kOpeners[] = {
    "Thank you for ", "Thanks for ", "I really appreciated you ", "Grateful for you ", "Still smiling about you ",
    "I noticed you ",
};

constexpr Line kActs[] = {
    {Cat::care, "making the bed this morning"},
    {Cat::care, "putting the kettle on the moment I walked in"},
    {Cat::care, "picking up my prescription on your way home"},
    {Cat::words, "remembering my big meeting was today and asking how it went"},
    {Cat::care, "bringing the washing in before the rain"},
    {Cat::care, "clearing the ice off the front steps"},
    {Cat::affection, "saving me the last of the good biscuits"},
    {Cat::care, "dropping me at the station when it was pouring"},
    {Cat::care, "booking the dentist for both of us"},
    {Cat::affection, "sending me that photo of the sunset from your walk"},
    {Cat::support, "asking about my day and really listening to the answer"},
    {Cat::affection, "holding my hand all the way home"},
    {Cat::care, "watering my tomato plants while I was away"},
    {Cat::support, "sitting with me while I made that difficult phone call"},
    {Cat::care, "filling up the car before my long drive"},
    {Cat::time, "making pancakes on a weekday"},
    {Cat::care, "taking Biscuit out when I was running late"},
    {Cat::care, "finding my lost earring under the sofa"},
    {Cat::support, "reminding me to take a proper lunch break"},
    {Cat::care, "tidying the living room before I got home"},
    {Cat::affection, "tucking a hot-water bottle into my side of the bed"},
    {Cat::time, "planning our Friday night in"},
    {Cat::words, "saying something kind about my cooking"},
    {Cat::care, "ironing my shirt for the big day"},
    {Cat::patience, "staying so calm when the train was cancelled"},
    {Cat::support, "giving me a quiet hour to myself on Saturday"},
    {Cat::affection, "bringing me breakfast in bed"},
    {Cat::care, "finally fixing the wobbly table leg"},
    {Cat::words, "sending my mum a thank-you card"},
    {Cat::time, "reading next to me instead of scrolling"},
    {Cat::growth, "telling me to go for it"},
    {Cat::time, "suggesting a walk after dinner"},
    {Cat::affection, "sharing your umbrella all the way home"},
    {Cat::words, "noticing my haircut"},
    {Cat::patience, "letting me choose the film (again)"},
    {Cat::care, "conquering the laundry mountain"},
    {Cat::patience, "waiting while I finished my sentence instead of jumping in"},
    {Cat::growth, "asking me what I’d like to learn this year"},
    {Cat::support, "checking in after my hard conversation with my manager"},
    {Cat::time, "turning off the telly so we could talk"},
    {Cat::care, "making soup when I had a cold"},
    {Cat::affection, "the slow dance in the kitchen"},
};

constexpr const char* kWhys[] = {
    " — it made the morning so much calmer.",
    ". It took a real weight off my shoulders.",
    ". I noticed, and it meant a lot.",
    ". That’s exactly the kind of thing I love about you.",
    " — I felt really looked after.",
    ". It turned a grey day around.",
    ". I didn’t have to ask, and that’s what made it special.",
    " — it gave me ten extra minutes to breathe.",
    ". I went to sleep smiling.",
    ". It reminded me we’re a team.",
    ", especially on a week like this one.",
    ". Small thing, big difference ♥",
    " — I know it wasn’t convenient for you.",
    ". It felt like you were really paying attention to me.",
    ". I carried that feeling around all day.",
    " — thank you for thinking of me.",
    ". You make ordinary days feel good.",
    ". It meant I could actually enjoy my evening.",
    " — I felt seen.",
    ". I’m lucky to have you.",
};

// Quick notes, as typed on a busy day (20-60 characters).
constexpr Line kShort[] = {
    {Cat::care, "Thanks for the tea ♥"},
    {Cat::care, "Thank you for the lift this morning."},
    {Cat::affection, "That hug at the door. Thank you."},
    {Cat::care, "Thanks for doing the dishes tonight!"},
    {Cat::words, "Your message at lunch made my day."},
    {Cat::time, "Loved our walk tonight, thank you."},
    {Cat::care, "Thank you for dinner — it was delicious."},
    {Cat::patience, "Thanks for being patient with me today."},
    {Cat::support, "Thank you for listening last night."},
    {Cat::none, "You’re the best. That’s all ★"},
    {Cat::care, "Thanks for sorting the bins."},
    {Cat::time, "Thank you for a lovely Saturday."},
};

// Extra sentences that lengthen a note without changing its subject.
constexpr const char* kExtras[] = {
    "I don’t say it enough, but I see how much you do for us.",
    "It’s the kind of thing nobody else would notice, and I did.",
    "I told my friend about it at lunch and she said I was lucky. I know.",
    "Honestly, I was having a rough day, and this turned it around completely.",
    "It reminded me of our first year together, when everything felt new.",
    "I want to get better at saying these things out loud, so here it is in writing.",
    "Let’s do more of that this month — maybe Sunday?",
    "You didn’t make a fuss about it, which somehow made it mean even more.",
    "I’m still thinking about it now, hours later.",
    "Thank you for being the person who does the quiet, unglamorous things without keeping score.",
    "I know the last few weeks have been heavy for you too, so it means a lot that you still found the energy.",
    "Next time it’s my turn, I promise.",
};

constexpr std::size_t kMaxLongChars = 400;

// ---------------------------------------------------------------------------
// Shared state for every feature
// ---------------------------------------------------------------------------

constexpr const char* kOwnCategoryLabel = "Patience";

struct DemoContext {
    Model& model;
    std::mt19937 rng;
    WallTime now;
    Date today;
    std::array<std::string, 2> partner_ids;
    std::string own_category_id;

    // What one feature leaves for the later ones (filled in fill order).
    struct ReviewSlot {
        Date monday;
        WallTime at;                        // when that week's review began (Sunday evening)
    };
    std::vector<ReviewSlot> review_slots;   // add_gratitude: the past weeks that were reviewed
    struct BreakInfo {
        std::string id;                     // the chain's first break
        std::string topic;
        std::string topic_status;
        WallTime start;
        int caller = 0;
    };
    std::vector<BreakInfo> past_breaks;     // add_breaks: in kPastBreaks order
    struct SessionInfo {
        std::string id;
        std::string topic;
        bool from_break = false;
        bool talked_through = false;
        bool in_review = false;             // started during that week's review
        WallTime start, end;
    };
    std::vector<SessionInfo> sessions;      // add_listening: oldest first
    std::vector<std::pair<Date, std::string>> date_plans;  // add_plans: (week's Monday, plan id)

    DemoContext(Model& m, unsigned seed)
        : model(m), rng(seed), now(m.clock.now()), today(local_date(now)) {}

    // Uniform in [lo, hi], the same on every standard library.
    int uniform(int lo, int hi) {
        if (hi <= lo) return lo;
        uint64_t span = uint64_t(hi - lo) + 1;
        return lo + int((uint64_t(rng()) * span) >> 32);
    }
    bool chance(double p) { return double(rng()) < p * 4294967296.0; }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[std::size_t(uniform(0, int(i) - 1))]);
    }
    template <class T, std::size_t N>
    const T& pick(const T (&arr)[N]) { return arr[uniform(0, int(N) - 1)]; }

    std::optional<std::string> category(Cat c) const {
        switch (c) {
        case Cat::none: return std::nullopt;
        case Cat::words: return "words";
        case Cat::care: return "acts-of-care";
        case Cat::support: return "support";
        case Cat::time: return "quality-time";
        case Cat::affection: return "affection";
        case Cat::growth: return "growth";
        case Cat::patience:
            if (own_category_id.empty()) return std::nullopt;
            return own_category_id;
        }
        return std::nullopt;
    }
};

// A local time on `day`: mostly evenings, some mornings and lunchtimes, never
// in the future (today's notes were written before now).
WallTime moment_on(DemoContext& ctx, Date day, WallTime midnight, int& clamped_today) {
    int r = ctx.uniform(0, 99);
    int minute_of_day = r < 70 ? ctx.uniform(19 * 60, 22 * 60 + 50)
                      : r < 90 ? ctx.uniform(6 * 60 + 30, 8 * 60 + 45)
                               : ctx.uniform(12 * 60, 13 * 60 + 45);
    WallTime t = midnight + minutes{minute_of_day} + seconds{ctx.uniform(0, 59)} + milliseconds{ctx.uniform(0, 999)};
    if (day == ctx.today && t > ctx.now - minutes{1}) {
        // Earlier today, spaced out backwards from now.
        t = ctx.now - minutes{2 + 17 * clamped_today++} - seconds{ctx.uniform(0, 59)} - milliseconds{ctx.uniform(0, 999)};
    }
    return t;
}

// ---------------------------------------------------------------------------
// The couple and their own category
// ---------------------------------------------------------------------------

void add_couple(DemoContext& ctx) {
    auto& couple = ctx.model.couple;
    if (!couple.is_set_up()) {
        auto r = couple.set_up("Maya", Rgb{196, 88, 72}, "Sam", Rgb{58, 122, 180});
        if (!r.ok()) throw std::runtime_error("Could not set up the demo couple: " + r.error);
    }
    for (int s = 0; s < 2; ++s) ctx.partner_ids[std::size_t(s)] = couple.partner(s).id;
}

void add_own_category(DemoContext& ctx) {
    auto& cats = ctx.model.categories;
    for (const auto& c : cats.all())
        if (c.label == kOwnCategoryLabel) {
            ctx.own_category_id = c.id;
            return;
        }
    auto r = cats.add(kOwnCategoryLabel);
    if (!r.ok()) throw std::runtime_error("Could not add the demo category: " + r.error);
    ctx.own_category_id = r.id;
}

// ---------------------------------------------------------------------------
// Gratitude
// ---------------------------------------------------------------------------

struct GratitudeRow {
    int from = 0;
    Date day;
    std::string text;
    std::optional<std::string> category;
    bool shared = false;
    std::string created_at;
    std::string updated_at;
};

class GratitudeWriter {
public:
    explicit GratitudeWriter(DemoContext& ctx)
        : ctx_(ctx),
          st_(ctx.model.db.prepare(
              "INSERT INTO gratitude(id, from_partner, to_partner, text, day, category_id, shared_in_review,"
              " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")) {}
    ~GratitudeWriter() { st_.reset(); }
    GratitudeWriter(const GratitudeWriter&) = delete;
    GratitudeWriter& operator=(const GratitudeWriter&) = delete;

    void write(const GratitudeRow& r, const std::string& day_text) {
        st_.reset();
        st_.bind(1, new_uuid())
            .bind(2, ctx_.partner_ids[std::size_t(r.from)])
            .bind(3, ctx_.partner_ids[std::size_t(1 - r.from)])
            .bind(4, r.text)
            .bind(5, day_text)
            .bind(6, r.category)
            .bind(7, r.shared)
            .bind(8, r.created_at)
            .bind(9, r.updated_at.empty() ? r.created_at : r.updated_at);
        st_.run();
    }

private:
    DemoContext& ctx_;
    Statement& st_;
};

const Line* pool_for(int from, std::size_t& n) {
    if (from == 0) {
        n = std::size(kMayaToSam);
        return kMayaToSam;
    }
    n = std::size(kSamToMaya);
    return kSamToMaya;
}

// A categorised line, now and then left uncategorised as people do.
std::optional<std::string> category_of(DemoContext& ctx, Cat c) {
    if (ctx.chance(0.15)) return std::nullopt;
    return ctx.category(c);
}

GratitudeRow composed(DemoContext& ctx) {
    GratitudeRow row;
    const Line& act = ctx.pick(kActs);
    row.text = std::string(ctx.pick(kOpeners)) + act.text + ctx.pick(kWhys);
    row.category = category_of(ctx, act.cat);
    return row;
}

// Texts for `n` appreciations from one partner, in the order they are written:
// every hand-written line once (when n allows; the astral ones are kept first
// so the Unicode paths always get exercised), the rest composed, never
// repeating a text in `seen`.
std::vector<GratitudeRow> demo_texts(DemoContext& ctx, int from, int n, std::set<std::string>& seen) {
    std::size_t pool_n = 0;
    const Line* pool = pool_for(from, pool_n);
    std::vector<const Line*> deck;
    for (std::size_t i = 0; i < pool_n; ++i) deck.push_back(&pool[i]);
    ctx.shuffle(deck);
    std::stable_partition(deck.begin(), deck.end(), [](const Line* l) { return has_astral(l->text); });
    if (deck.size() > std::size_t(n)) deck.resize(std::size_t(n));

    std::vector<GratitudeRow> out;
    for (const Line* l : deck) {
        GratitudeRow row;
        row.text = l->text;
        row.category = category_of(ctx, l->cat);
        seen.insert(row.text);
        out.push_back(std::move(row));
    }
    while (out.size() < std::size_t(n)) {
        GratitudeRow row = composed(ctx);
        for (int tries = 0; tries < 20 && seen.count(row.text); ++tries) row = composed(ctx);
        seen.insert(row.text);
        out.push_back(std::move(row));
    }
    ctx.shuffle(out);
    return out;
}

// 26 weeks ending today. Older weeks were mostly gone through in a weekly
// review; this week's are still waiting for Sunday.
void add_gratitude(DemoContext& ctx) {
    constexpr int kWeeks = 26;
    const Date this_monday = week_start(ctx.today);
    const int days_this_week = days_between(this_monday, ctx.today);  // 0 on a Monday

    struct Planned {
        int from;
        Date day;
        bool shared;
        WallTime review;  // when the week's review happened (if shared)
    };
    std::vector<Planned> plan;
    std::array<int, 2> per_partner{};

    for (int w = kWeeks - 1; w >= 0; --w) {
        Date monday = add_days(this_monday, -7 * w);
        std::array<int, 2> count{};
        if (w == 0) {
            count = {3, 2};  // Maya a little ahead: the dashboard invites Sam
        } else {
            count = {ctx.uniform(3, 6), ctx.uniform(3, 6)};
            if (ctx.chance(0.3)) count[std::size_t(ctx.uniform(0, 1))] = ctx.uniform(2, 3);  // a busy week for one
            if (ctx.chance(0.1)) count[std::size_t(ctx.uniform(0, 1))] = 7;                  // a generous week
        }
        bool reviewed = w == 1 || (w > 1 && ctx.chance(0.88));  // last Sunday's review happened
        WallTime review = local_midnight(add_days(monday, 6)) + hours{18} + minutes{ctx.uniform(0, 120)} +
                          seconds{ctx.uniform(0, 59)} + milliseconds{ctx.uniform(0, 999)};
        if (reviewed && review < ctx.now) ctx.review_slots.push_back({monday, review});
        for (int from = 0; from < 2; ++from) {
            for (int k = 0; k < count[std::size_t(from)]; ++k) {
                int offset = w == 0 ? ctx.uniform(0, days_this_week) : ctx.uniform(0, 6);
                plan.push_back({from, add_days(monday, offset), reviewed && ctx.chance(0.9), review});
                ++per_partner[std::size_t(from)];
            }
        }
    }

    std::set<std::string> seen;  // no note written twice, by either partner
    std::array<std::vector<GratitudeRow>, 2> texts;
    for (int from = 0; from < 2; ++from)
        texts[std::size_t(from)] = demo_texts(ctx, from, per_partner[std::size_t(from)], seen);
    std::array<std::size_t, 2> next{};

    std::vector<GratitudeRow> rows;
    rows.reserve(plan.size());
    int clamped_today = 0;
    for (const auto& p : plan) {
        GratitudeRow row = std::move(texts[std::size_t(p.from)][next[std::size_t(p.from)]++]);
        row.from = p.from;
        row.day = p.day;
        WallTime written = moment_on(ctx, p.day, local_midnight(p.day), clamped_today);
        // Shared in the review means marked then; a note written after the
        // review (Sunday night) stays unshared.
        row.shared = p.shared && written < p.review;
        row.created_at = format_utc(written);
        row.updated_at = row.shared ? format_utc(p.review) : row.created_at;
        rows.push_back(std::move(row));
    }

    GratitudeWriter writer(ctx);
    for (const auto& r : rows) writer.write(r, format_date(r.day));
}

// One appreciation for the long history, 20-400 characters.
GratitudeRow long_history_text(DemoContext& ctx, int from) {
    int r = ctx.uniform(0, 99);
    if (r < 12) {
        const Line& l = ctx.pick(kShort);
        GratitudeRow row;
        row.text = l.text;
        row.category = category_of(ctx, l.cat);
        return row;
    }
    if (r < 42) return composed(ctx);
    std::size_t pool_n = 0;
    const Line* pool = pool_for(from, pool_n);
    const Line& l = pool[std::size_t(ctx.uniform(0, int(pool_n) - 1))];
    GratitudeRow row;
    row.text = l.text;
    row.category = category_of(ctx, l.cat);
    if (r >= 82) {
        // A longer note: the same moment, with a sentence or three more.
        std::size_t target = std::size_t(ctx.uniform(200, int(kMaxLongChars)));
        std::size_t len = codepoint_count(row.text);
        for (int tries = 0; tries < 8 && len < target; ++tries) {
            const char* extra = ctx.pick(kExtras);
            std::size_t n = codepoint_count(extra) + 1;
            if (len + n > kMaxLongChars) continue;
            row.text += ' ';
            row.text += extra;
            len += n;
        }
    }
    return row;
}

// `appreciations` entries spread evenly over `years` years ending today.
void add_long_gratitude(DemoContext& ctx, int years, int appreciations) {
    const int n = std::max(appreciations, 0);
    const int span = int(std::lround(std::max(years, 0) * 365.2425));
    const Date first = add_days(ctx.today, -span);
    const Date this_monday = week_start(ctx.today);

    GratitudeWriter writer(ctx);
    int clamped_today = 0;
    int cached_offset = -1;
    WallTime midnight{};
    std::string day_text;
    for (int i = 0; i < n; ++i) {
        // The first on `first`, the last today.
        int offset = n > 1 ? int(int64_t(i) * span / (n - 1)) : span;
        Date day = add_days(first, offset);
        if (offset != cached_offset) {
            cached_offset = offset;
            midnight = local_midnight(day);
            day_text = format_date(day);
        }
        int from = ctx.chance(0.52) ? 0 : 1;
        GratitudeRow row = long_history_text(ctx, from);
        row.from = from;
        row.day = day;
        row.shared = day < this_monday && ctx.chance(0.8);
        row.created_at = format_utc(moment_on(ctx, day, midnight, clamped_today));
        writer.write(row, day_text);
    }
}

// ---------------------------------------------------------------------------
// Conflict breaks
// ---------------------------------------------------------------------------

// What a past break was like: who called it, about what, and how it ended.
struct PastBreak {
    int weeks_ago;
    int caller;
    const char* topic;       // nullptr: no topic
    const char* topic_status;
    int planned_min;
    int taken_min;           // countdown time that ran
    const char* state;       // returned, ended_early, continued
    int back_late_min;       // minutes after the return time they came back (returned only)
};

constexpr PastBreak kPastBreaks[] = {
    {25, 1, "Spending over the holidays", "talked_through", 20, 20, "returned", 2},
    {22, 0, "Your sister staying for a whole week", "talked_through", 30, 30, "returned", 4},
    {19, 0, nullptr, "none", 20, 12, "ended_early", 0},
    {15, 1, "Who does the night feeds for the dog\xE2\x80\x99s medicine", "dismissed", 20, 20, "returned", 25},
    {11, 0, "Moving in 2027 \xE2\x80\x94 or not", "talked_through", 25, 25, "returned", 1},
    {7, 1, "Phones at dinner", "open", 20, 20, "returned", 3},
    {3, 0, "How we split the chores since my new shifts", "open", 20, 20, "continued", 0},
    {1, 1, "Saying yes to plans without asking me", "talked_through", 20, 20, "returned", 0},
};

void insert_break(DemoContext& ctx, const std::string& id, int caller, const char* topic, const char* topic_status,
                  const std::optional<std::string>& follow_up_of, int planned_min, WallTime start, const char* state,
                  std::optional<int> taken_min, std::optional<int> back_late_min) {
    const int64_t planned_ms = int64_t(planned_min) * 60'000;
    const WallTime return_at = start + std::chrono::minutes(planned_min);
    std::optional<std::string> ended_at, returned_at, topic_resolved;
    std::optional<int64_t> actual_ms;
    std::optional<int> on_time;
    if (taken_min) {
        actual_ms = int64_t(*taken_min) * 60'000;
        ended_at = format_utc(start + std::chrono::minutes(*taken_min));
    }
    if (back_late_min) {
        returned_at = format_utc(return_at + std::chrono::minutes(*back_late_min));
        on_time = *back_late_min <= 10;
    }
    if (std::string(state) == "ended_early") on_time = 1;
    if (std::string(topic_status) == "talked_through" || std::string(topic_status) == "dismissed")
        topic_resolved = format_utc(start + std::chrono::hours(26));
    const std::string started = format_utc(start);
    const std::string updated = topic_resolved ? *topic_resolved : returned_at ? *returned_at : ended_at ? *ended_at : started;
    auto& st = ctx.model.db.prepare(
        "INSERT INTO conflict_break(id, caller_partner, topic, topic_status, topic_resolved_at, follow_up_of,"
        " planned_ms, extended_ms, started_at, return_at, state, anchor_at, anchor_elapsed_ms, ended_at,"
        " actual_ms, returned_at, returned_on_time, created_at, updated_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?10, ?8, 0, ?11, ?12, ?13, ?14, ?8, ?15)");
    st.bind(1, id).bind(2, ctx.partner_ids[std::size_t(caller)])
        .bind(3, topic ? std::optional<std::string>(topic) : std::nullopt).bind(4, topic_status)
        .bind(5, topic_resolved).bind(6, follow_up_of).bind(7, planned_ms).bind(8, started)
        .bind(9, format_utc(return_at)).bind(10, state).bind(11, ended_at).bind(13, returned_at).bind(15, updated);
    if (actual_ms) st.bind(12, *actual_ms);
    if (on_time) st.bind(14, *on_time);
    st.run();
}

// Eight past breaks over the half year (two topics still open, one chain with
// "more time"), and one break running now, called seven minutes ago.
void add_breaks(DemoContext& ctx) {
    for (const PastBreak& b : kPastBreaks) {
        Date day = add_days(ctx.today, -7 * b.weeks_ago + ctx.uniform(-2, 2));
        WallTime start = local_midnight(day) + std::chrono::hours(20) + std::chrono::minutes(ctx.uniform(0, 90));
        if (start > ctx.now) start = ctx.now - std::chrono::hours(30);
        std::string id = new_uuid();
        bool continued = std::string(b.state) == "continued";
        ctx.past_breaks.push_back({id, b.topic ? b.topic : "", b.topic_status, start, b.caller});
        insert_break(ctx, id, b.caller, b.topic, b.topic_status, std::nullopt, b.planned_min, start, b.state, b.taken_min,
                     continued || std::string(b.state) == "ended_early" ? std::nullopt : std::optional<int>(b.back_late_min));
        if (continued) {
            // Ten more minutes, asked for when the first time ran out; then they came back.
            WallTime second = start + std::chrono::minutes(b.planned_min);
            insert_break(ctx, new_uuid(), b.caller, nullptr, "none", id, 10, second, "returned", 10, 0);
        }
    }
    // Sam called one seven minutes ago: running, anchored at its start.
    const std::string topic = "Whether we host New Year\xE2\x80\x99s Eve again";
    const WallTime start = ctx.now - std::chrono::minutes(7);
    ctx.model.db
        .prepare("INSERT INTO conflict_break(id, caller_partner, topic, topic_status, planned_ms, extended_ms, started_at,"
                 " return_at, state, anchor_at, anchor_elapsed_ms, created_at, updated_at)"
                 " VALUES(?1, ?2, ?3, 'open', ?4, 0, ?5, ?6, 'running', ?5, 0, ?5, ?5)")
        .bind(1, new_uuid()).bind(2, ctx.partner_ids[1]).bind(3, topic).bind(4, int64_t(20 * 60'000))
        .bind(5, format_utc(start)).bind(6, format_utc(start + std::chrono::minutes(20))).run();
}


// ---------------------------------------------------------------------------
// Shared helpers for the later features
// ---------------------------------------------------------------------------

void must(const SaveResult& r, const char* what) {
    if (!r.ok()) throw std::runtime_error(std::string("Could not write the demo ") + what + ": " + r.error);
}

// Never after now: a moment that would be is pulled back to just before it.
WallTime not_after_now(const DemoContext& ctx, WallTime t, minutes margin = minutes{1}) {
    return t > ctx.now - margin ? ctx.now - margin : t;
}

WallTime jitter(DemoContext& ctx, WallTime t) { return t + seconds{ctx.uniform(0, 59)} + milliseconds{ctx.uniform(0, 999)}; }

// A pair of ratings: mostly 4 and 5, sometimes 3, now and then a 2; the
// second partner usually close to the first.
std::array<int, 2> rating_pair(DemoContext& ctx, int bias = 0) {
    int r = ctx.uniform(0, 99);
    int a = r < 4 ? 2 : r < 22 - 8 * bias ? 3 : r < 60 - 10 * bias ? 4 : 5;
    int b = std::clamp(a + (ctx.chance(0.6) ? 0 : ctx.uniform(-1, 1)), 2, 5);
    if (ctx.chance(0.5)) std::swap(a, b);
    return {a, b};
}

// ---------------------------------------------------------------------------
// Quality time: dates, rituals and shared activities
// ---------------------------------------------------------------------------

struct DemoDate {
    const char* idea_id;     // from the idea bank (plan_from_idea), or nullptr
    const char* title;       // the title when not from an idea
    const char* place;
    int minutes;
    int saturday_start;      // > 0: a Saturday daytime plan at this minute; 0: a Friday or Saturday evening
    const char* memory;
};

constexpr DemoDate kDates[] = {
    {"weekly-date", "Our two-hour date", "Osteria Lucca", 120, 0,
     "Osteria Lucca again: we shared the tiramisù and Sam finally told the whole story of the school-trip ferry. I laughed until I cried."},
    {nullptr, "Dinner at the Lebanese place on Mill Road", "Al-Arz, Mill Road", 120, 0,
     "Far too many mezze, leftovers carried home in a tower of boxes, and a slow walk back. No phones all evening."},
    {"movie-night", "Movie night at home", "Living room", 150, 0,
     "Blanket fort, slightly burnt popcorn, and we both cried at the end of Coco. Exactly the evening we needed."},
    {"picnic", "Picnic in the park", "Jesus Green, by the river", 120, 13 * 60,
     "Sam made sourdough sandwiches and we watched the rowers go past. Biscuit stole an entire scone."},
    {"stargazing", "Look at the stars", "The hill above the village", 90, 0,
     "Cold, clear and quiet. Three shooting stars, and it turns out we wished for the same thing."},
    {"new-place", "Somewhere neither of us has been", "Ely", 180, 11 * 60,
     "Ely on a whim: the cathedral, a tea room with mismatched cups, and the river path back to the station."},
    {nullptr, "Jazz at the Blue Lantern", "The Blue Lantern", 150, 0,
     "The trio played “Autumn Leaves” and Sam held my hand through the whole piano solo."},
    {nullptr, "Cinema, then ramen", "Arts Picturehouse and Koya", 180, 0,
     "The film was so-so, the ramen was perfect, and arguing about the ending on the way home was the best part."},
    {"hike", "A day hike", "Dovedale stepping stones", 300, 9 * 60 + 30,
     "Stepping stones, a steep climb and flapjacks at the top. My legs ached for two days — worth every step."},
    {"breakfast-in-bed", "Slow breakfast", "Home", 60, 9 * 60,
     "Croissants in bed, the crossword, and nowhere to be. We said we’d do it every month."},
    {nullptr, "Tapas night (Spanish practice!)", "La Tasca, Bridge Street", 120, 0,
     "I ordered everything in Spanish and the waiter answered in Spanish. Sam actually clapped. ¡Qué vergüenza!"},
    {nullptr, "Pottery café", "Clay Corner", 120, 0,
     "We painted mugs for each other in secret. Mine says “best bread in town”, his has a very wonky sunflower."},
    {nullptr, "Comedy night at the Fox & Anchor", "Fox & Anchor", 150, 0,
     "The second half was brilliant, and we’ve been quoting the bit about flat-pack furniture all week."},
    {"music-evening", "Music we loved", "Living room", 60, 0,
     "The songs from our first summer. Sam got the guitar out and we sang “Wonderwall” very, very badly."},
    {nullptr, "Crazy golf and chips", "Adventure Golf, Quayside", 120, 0,
     "I won by one shot and I will be mentioning it for years. Sam demands a rematch."},
    {nullptr, "Candlelit dinner at home", "Home", 120, 0,
     "Sam’s risotto (not burnt this time), the table laid properly, and a long talk about Lisbon next spring."},
    {nullptr, "Late swim and sauna", "Parkside Pools", 120, 0,
     "Warm sauna, cold plunge, and the quietest drive home. We both slept like logs."},
    {nullptr, "Café crawl in town", "Three cafés, one afternoon", 150, 14 * 60,
     "Three flat whites, one cinnamon bun each, and a long talk about where we want to be in five years."},
    {nullptr, "Open-air theatre: Much Ado", "The Botanic Garden", 180, 0,
     "The rain held off until the final bow. Beatrice and Benedick bickering felt a little familiar ♥"},
    {nullptr, "Thai cooking class", "The Cookery School", 150, 0,
     "Sam chopped, I pounded the curry paste, and we ate the best green curry of our lives."},
    {nullptr, "Wine bar by the river", "The Boathouse", 120, 0,
     "One glass each and a long talk about Zoë’s news. It felt good to be on the same side of it."},
    {nullptr, "Bowling in terrible shoes", "Tenpin", 120, 0,
     "Two gutter balls each to start, then a strike from Sam that he celebrated like a cup final."},
    {nullptr, "Museum late", "The Fitzwilliam", 150, 0,
     "We wandered the Egyptian rooms with a glass of something fizzy. Quiet, a bit odd, very us."},
    {nullptr, "Sunset and fish & chips by the sea", "Southwold pier", 180, 15 * 60,
     "Chips on the harbour wall, gulls everywhere, and the sky going pink and orange. Perfect."},
    {nullptr, "Anniversary dinner at Maison Margaux", "Maison Margaux", 150, 0,
     "The window table, crème brûlée, and a toast to the next year of us. Sam had written a card ♥"},
    {nullptr, "Board games and a takeaway", "Home", 150, 0,
     "Ticket to Ride and a curry. I built the longest route; Sam insists it was luck."},
    {nullptr, "Karaoke booth", "Lucky Voice", 120, 0,
     "ABBA at the top of our lungs, and nobody we know saw it. Our voices are gone; worth it."},
    {nullptr, "Folk night at the Junction", "The Junction", 150, 0,
     "A fiddle player from Galway and a crowd singing along. We danced at the back like nobody was looking."},
};

constexpr const char* kWalkMemories[] = {
    "Frost on the towpath, and a heron that couldn’t have cared less about us.",
    "We talked about Dad for the first half and laughed about Biscuit for the second.",
    "Hot chocolate from the lock café; Sam spilled half of his down his new coat.",
    "Rain, hoods up, nobody else out. Strangely lovely.",
    "The first properly warm Sunday. We sat on the bench by the lock for ages.",
    "We planned the garden the whole way there and argued happily about tomatoes.",
    "Biscuit went in the canal. Again. Towel in the car next time.",
    "A quiet one, not much said, and that was exactly what we both needed.",
    "A kingfisher! Sam nearly broke the phones-away rule trying to photograph it.",
    "Sam asked all the right questions about the senior role. I know what I want now.",
    "Blackberries along the hedge — we came home with purple fingers.",
    "Walked all the way to Baits Bite Lock and took the bus back, giggling at our muddy boots.",
    "Misty morning, ducks everywhere, and a Christmas talk that didn’t turn into an argument.",
};

constexpr const char* kCoffeeMemories[] = {
    "Two mugs, the radio on low, ten quiet minutes before the day took over.",
    "Sam made the coffee in the dark so I could sleep a bit longer. I heard him stub his toe.",
    "We watched the sun come up over the car park. Romantic, in its way.",
};

constexpr const char* kCheckinMemories[] = {
    "Sam told me about the Year 9 Bunsen burner disaster. I just listened — no fixing. Proud of us.",
    "Hard day on the ward; twenty minutes on the sofa with Sam just listening helped more than I expected.",
    "Kept it to twenty minutes, then made dinner together. A good rhythm.",
    "I talked about the rota, Sam talked about the head of department. We were on each other’s side.",
    "Short and honest: we were both tired, and said so, and that was enough.",
};

struct DemoActivity {
    const char* idea_id;
    const char* title;      // used only when the idea is gone
    int weeks_ago;          // 0: this week, -1: next week
    int weekday;            // 0 Monday .. 6 Sunday
    int start;              // minute of day
    const char* memory;
};

constexpr DemoActivity kActivities[] = {
    {"cook-together", "Cook something new together", 18, 2, 19 * 60 + 15,
     "Gyoza from scratch. Half of them fell apart; every single one got eaten."},
    {"climbing", "Try climbing", 16, 5, 14 * 60,
     "Sam made it to the top of the green route, shaking and grinning. I was so proud of him."},
    {"game-night", "Board game evening", 12, 2, 19 * 60 + 30,
     "Zoë came over and beat us both at Catan. A rematch has been demanded."},
    {"volunteer-together", "Help out together", 9, 5, 9 * 60 + 30,
     "Four hours at the food bank: tired feet, full hearts, and a plan to go back every month."},
    {"garden-project", "A small project together", 6, 5, 14 * 60,
     "The raised bed is finally built. Crooked, but ours — the tomatoes don’t seem to mind."},
    {"learn-together", "Learn something side by side", 4, 1, 19 * 60 + 30,
     "Guitar for Spanish: I learned three chords, Sam learned to roll his r’s (almost)."},
    {"photo-evening", "Old photos evening", 2, 2, 19 * 60 + 30,
     "Lisbon, our first flat, and Sam’s moustache phase, which I had managed to forget."},
    {"cook-together", "Cook something new together", 0, 2, 19 * 60 + 15, "Homemade pasta, flour everywhere, and a very happy Biscuit under the table."},
    {"dance-lessons", "Dance lesson", -1, 3, 18 * 60 + 30, ""},
};

// The outcome of one past occurrence, written through the planner.
struct Settle {
    bool done = true;                 // false: skipped
    bool rated = true;
    int rating_bias = 0;
    std::string memory;
};

// Marks one past occurrence done (or skipped), with ratings and a memory,
// then dates its rows to just after it ended, as if filled in that evening.
void settle(DemoContext& ctx, const std::string& plan_id, Date original_day, const Settle& s) {
    auto& planner = ctx.model.planner;
    auto occ = planner.occurrence(plan_id, original_day);
    if (!occ || occ->end > ctx.now) return;   // still ahead (or under way): stays planned
    if (s.done) {
        must(planner.mark_done(plan_id, original_day), "quality time");
        if (s.rated) {
            auto stars = rating_pair(ctx, s.rating_bias);
            for (int slot = 0; slot < 2; ++slot) must(planner.rate(plan_id, original_day, slot, stars[std::size_t(slot)]), "rating");
        }
        if (!s.memory.empty()) must(planner.set_memory(plan_id, original_day, s.memory), "memory");
    } else {
        must(planner.skip(plan_id, original_day), "skipped plan");
    }
    const WallTime when = not_after_now(ctx, jitter(ctx, (s.done ? occ->end : occ->start - hours{3}) + minutes{ctx.uniform(20, 150)}));
    const std::string t = format_utc(when);
    ctx.model.db.prepare("UPDATE plan_occurrence SET updated_at = ?3, created_at = min(created_at, ?3)"
                         " WHERE plan_id = ?1 AND original_day = ?2")
        .bind(1, plan_id).bind(2, format_date(original_day)).bind(3, t).run();
    ctx.model.db.prepare("UPDATE plan_rating SET created_at = ?3, updated_at = ?3 WHERE occurrence_id ="
                         " (SELECT id FROM plan_occurrence WHERE plan_id = ?1 AND original_day = ?2)")
        .bind(1, plan_id).bind(2, format_date(original_day)).bind(3, t).run();
}

void set_plan_created(DemoContext& ctx, const std::string& plan_id, WallTime t) {
    ctx.model.db.prepare("UPDATE plan SET created_at = ?2, updated_at = ?2 WHERE id = ?1")
        .bind(1, plan_id).bind(2, format_utc(not_after_now(ctx, t))).run();
}

// A plan made from the idea bank (so the idea shows when it was last used),
// or a plain one-off when the idea is not in the bank.
std::string one_off(DemoContext& ctx, const char* idea_id, const char* title, const char* place, int length, Date day,
                    int start, const char* kind, std::optional<int> suggested_by) {
    auto& planner = ctx.model.planner;
    if (idea_id && ctx.model.ideas.get(idea_id)) {
        auto r = planner.plan_from_idea(idea_id, day, start, suggested_by);
        must(r, "plan from an idea");
        if (place && *place) {
            auto p = planner.get(r.id);
            PlanDraft d = p->draft();
            d.place = place;
            must(planner.update(r.id, d), "plan place");
            ctx.model.db.prepare("UPDATE plan SET sequence = 0 WHERE id = ?1").bind(1, r.id).run();
        }
        return r.id;
    }
    PlanDraft d;
    d.title = title;
    d.kind_id = kind;
    d.day = day;
    d.start_minute = start;
    d.length_minutes = length;
    d.place = place ? place : "";
    d.suggested_by = suggested_by;
    d.phones_away = true;
    auto r = planner.add(d);
    must(r, "plan");
    return r.id;
}

// Half a year of dates (one a week, Friday or Saturday, a few skipped), the
// Sunday walk, an evening check-in on Monday to Thursday that replaced an
// early-morning coffee ritual ended two months ago, and a few shared
// activities from the idea bank. This week and next are planned, with one
// overlap next week (the dance lesson runs into the evening check-in).
void add_plans(DemoContext& ctx) {
    constexpr int kWeeks = 26;
    auto& planner = ctx.model.planner;
    const Date this_monday = week_start(ctx.today);
    const Date first_monday = add_days(this_monday, -7 * (kWeeks - 1));

    auto review_of = [&](Date monday) -> std::optional<WallTime> {
        for (const auto& s : ctx.review_slots)
            if (s.monday == monday) return s.at;
        return std::nullopt;
    };
    // When a plan for `day` was made: in the previous week's review when
    // there was one, else a few evenings before.
    auto made_at = [&](Date day) {
        if (auto r = review_of(add_days(week_start(day), -7))) return *r + minutes{ctx.uniform(36, 43)};
        return local_midnight(add_days(day, -ctx.uniform(3, 6))) + hours{20} + minutes{ctx.uniform(0, 90)};
    };

    // The rituals.
    PlanDraft walk;
    walk.title = "Sunday walk by the canal";
    walk.kind_id = "ritual";
    walk.day = add_days(first_monday, 6);
    walk.start_minute = 10 * 60 + 30;
    walk.length_minutes = 90;
    walk.place = "Towpath, from the lock to the café";
    walk.notes = "Phones in pockets. Hot chocolate at the turn.";
    walk.suggested_by = 0;
    walk.recurrence = {Repeat::weekly, kSunday, 1, std::nullopt};
    auto walk_id = planner.add(walk);
    must(walk_id, "Sunday walk");
    set_plan_created(ctx, walk_id.id, local_midnight(add_days(walk.day, -3)) + hours{21} + minutes{12});

    const Date coffee_last = add_days(this_monday, -7 * 8 - 3);   // a Friday, two months ago
    PlanDraft coffee;
    coffee.title = "Coffee together before my shift";
    coffee.kind_id = "ritual";
    coffee.day = first_monday;
    coffee.start_minute = 6 * 60 + 15;
    coffee.length_minutes = 15;
    coffee.place = "Kitchen";
    coffee.notes = "Two mugs, no phones, ten minutes of just us before the day starts.";
    coffee.suggested_by = 1;
    coffee.recurrence = {Repeat::weekly, kMonday | kWednesday | kFriday, 1, std::nullopt};
    auto coffee_id = planner.add(coffee);
    must(coffee_id, "morning coffee");
    set_plan_created(ctx, coffee_id.id, local_midnight(add_days(first_monday, -2)) + hours{20} + minutes{41});

    PlanDraft talk;
    talk.title = "How was your day, really?";
    talk.kind_id = "check-in";
    talk.day = add_days(coffee_last, 3);   // the Monday after the coffees ended
    talk.start_minute = 18 * 60 + 45;
    talk.length_minutes = 20;
    talk.place = "Sofa";
    talk.notes = "Twenty minutes each evening: take turns, listen, take each other’s side. Fridays are date night.";
    talk.suggested_by = 0;
    talk.recurrence = {Repeat::weekly, kMonday | kTuesday | kWednesday | kThursday, 1, std::nullopt};
    auto talk_id = planner.add(talk);
    must(talk_id, "evening check-in");
    set_plan_created(ctx, talk_id.id, local_midnight(add_days(talk.day, -1)) + hours{19} + minutes{8});

    // The weekly dates, one per week from 26 weeks ago to next week.
    std::vector<const DemoDate*> deck;
    for (const auto& d : kDates) deck.push_back(&d);
    ctx.shuffle(deck);
    std::set<int> skipped_weeks;
    while (skipped_weeks.size() < 3) skipped_weeks.insert(ctx.uniform(2, kWeeks - 2));
    const int moved_walk_week = 5;
    std::set<int> friday_only{moved_walk_week};   // weeks with something else on Saturday
    for (const auto& a : kActivities)
        if (a.weekday == 5) friday_only.insert(a.weeks_ago);
    std::size_t next_date = 0;
    for (int w = kWeeks - 1; w >= -1; --w) {
        const Date monday = add_days(this_monday, -7 * w);
        // A week with Saturday taken has its date on a Friday evening.
        const bool free_saturday = friday_only.count(w) == 0;
        const std::size_t i = next_date++ % deck.size();
        for (std::size_t j = i + 1; !free_saturday && deck[i]->saturday_start > 0 && j < deck.size(); ++j)
            if (deck[j]->saturday_start == 0) std::swap(deck[i], deck[j]);
        const DemoDate* d = deck[i];
        const bool saturday_day = d->saturday_start > 0 && free_saturday;
        const bool saturday = saturday_day || (free_saturday && ctx.chance(0.4));
        const Date day = add_days(monday, saturday ? 5 : 4);
        const int start = saturday_day ? d->saturday_start : 19 * 60 + 30 * ctx.uniform(0, 2);
        const std::string id = one_off(ctx, d->idea_id, d->title, d->place, d->minutes, day, start,
                                       "date", ctx.uniform(0, 1));
        set_plan_created(ctx, id, made_at(day));
        ctx.date_plans.emplace_back(monday, id);
        Settle s;
        s.done = skipped_weeks.count(w) == 0;
        s.rated = true;
        s.rating_bias = 1;
        if (s.done && ctx.chance(0.85)) s.memory = d->memory;
        settle(ctx, id, day, s);
    }

    // Shared activities from the idea bank.
    for (const auto& a : kActivities) {
        const Date day = add_days(this_monday, -7 * a.weeks_ago + a.weekday);
        const std::string id = one_off(ctx, a.idea_id, a.title, "", 60, day, a.start, "activity", ctx.uniform(0, 1));
        set_plan_created(ctx, id, made_at(day));
        Settle s;
        s.memory = a.memory;
        settle(ctx, id, day, s);
    }

    // The walks: most done, a few rained off, one moved to Saturday.
    std::vector<const char*> walk_notes(std::begin(kWalkMemories), std::end(kWalkMemories));
    ctx.shuffle(walk_notes);
    std::size_t next_walk = 0;
    for (Date d : expand(walk.recurrence, walk.day, walk.day, add_days(this_monday, 13))) {
        const int weeks_ago = days_between(week_start(d), this_monday) / 7;
        Settle s;
        if (weeks_ago == moved_walk_week) {
            must(planner.move_occurrence(walk_id.id, d, add_days(d, -1), 11 * 60), "moved walk");
            ctx.model.db.prepare("UPDATE plan_occurrence SET created_at = ?3, updated_at = ?3 WHERE plan_id = ?1 AND original_day = ?2")
                .bind(1, walk_id.id).bind(2, format_date(d))
                .bind(3, format_utc(local_midnight(add_days(d, -4)) + hours{19} + minutes{52})).run();
            s.memory = "Saturday instead of Sunday because of my shift — busier towpath, but the light was gorgeous.";
        } else {
            s.done = !ctx.chance(0.1);
            if (s.done && ctx.chance(0.55) && next_walk < walk_notes.size()) s.memory = walk_notes[next_walk++];
        }
        s.rated = ctx.chance(0.85);
        settle(ctx, walk_id.id, d, s);
    }

    // The morning coffees, up to their end; then the ritual ends, its past kept.
    for (Date d : expand(coffee.recurrence, coffee.day, coffee.day, coffee_last)) {
        if (ctx.chance(0.12)) continue;   // never ticked off
        Settle s;
        s.done = !ctx.chance(0.12);
        s.rated = ctx.chance(0.35);
        if (s.done && ctx.chance(0.05)) s.memory = ctx.pick(kCoffeeMemories);
        settle(ctx, coffee_id.id, d, s);
    }
    must(planner.end_ritual(coffee_id.id, coffee_last), "ended ritual");

    // The evening check-ins since.
    for (Date d : expand(talk.recurrence, talk.day, talk.day, ctx.today)) {
        if (ctx.chance(0.1)) continue;
        Settle s;
        s.done = !ctx.chance(0.15);
        s.rated = ctx.chance(0.5);
        if (s.done && ctx.chance(0.12)) s.memory = ctx.pick(kCheckinMemories);
        settle(ctx, talk_id.id, d, s);
    }

    // A plan's last change is its latest occurrence row's (or when it was made).
    ctx.model.db.exec("UPDATE plan SET updated_at = max(created_at, coalesce((SELECT max(o.updated_at) FROM plan_occurrence o"
                      " WHERE o.plan_id = plan.id), created_at))");
    // Ended on the Sunday after its last coffee.
    ctx.model.db.prepare("UPDATE plan SET updated_at = ?2 WHERE id = ?1")
        .bind(1, coffee_id.id).bind(2, format_utc(local_midnight(add_days(coffee_last, 2)) + hours{19} + minutes{3})).run();
}

// ---------------------------------------------------------------------------
// Listening sessions (written as rows: the engine stamps the real time)
// ---------------------------------------------------------------------------

struct SessionPlan {
    const char* exercise_id = "reflect-and-clarify";
    std::string topic;
    std::optional<std::string> source_break;   // the chain's first break
    int first = 0;                              // first speaker's slot
    std::array<int, 4> loops{};                 // "not quite" answers per turn
    int end_after = -1;                         // step runs before it was ended early; -1 = finished
    std::array<std::optional<int>, 2> felt;     // felt heard, per slot
    std::array<const char*, 2> notes{"", ""};
    bool talked_through = false;
    int share_seconds = 0;                      // the speaker's step, when set up longer or shorter
};

struct WrittenSession {
    std::string id;
    WallTime start, end;
};

// How long a step really ran, as a share of its planned length.
int64_t actual_of(DemoContext& ctx, const ExerciseStep& step, int64_t planned, bool loop_answer) {
    int pct = step.check ? (loop_answer ? ctx.uniform(50, 120) : ctx.uniform(25, 80))
            : step.floor == Role::speaker ? ctx.uniform(70, 150) : ctx.uniform(55, 125);
    return planned * pct / 100 + ctx.uniform(0, 999);
}

// One session as the engine would have left it: the session row, a row per
// step run (loops and all, each starting when the one before ended), ratings.
// Finished sessions sit at turn == turns_total, step 0, anchored when closing
// began; one ended early stays on the step it was ended in.
std::optional<WrittenSession> write_session(DemoContext& ctx, const SessionPlan& p, WallTime start) {
    const ExerciseDefinition* def = ctx.model.exercises.find(p.exercise_id);
    if (!def || def->steps.empty()) return std::nullopt;   // not shipped with these assets
    std::map<std::string, int64_t> planned;
    for (const auto& s : def->steps) planned[s.id] = int64_t(s.duration_seconds) * 1000;
    if (p.share_seconds > 0) planned[def->steps[0].id] = int64_t(p.share_seconds) * 1000;
    std::string durations = "{";
    for (const auto& [id, ms] : planned) durations += (durations.size() > 1 ? ",\"" : "\"") + id + "\":" + std::to_string(ms);
    durations += "}";

    struct Run {
        int turn;
        std::string step_id;
        int speaker;
        int64_t planned, actual;
        const char* outcome;
        WallTime started, ended;
    };
    const int rounds = def->default_rounds;
    const int turns = rounds * def->turns_per_round();
    std::vector<Run> runs;
    WallTime t = start;
    int loops = 0;
    bool ended_early = false;
    int last_turn = 0, last_index = 0;
    for (int turn = 0; turn < turns && !ended_early; ++turn) {
        const int speaker = def->swap_roles ? (p.first + turn) % 2 : p.first;
        int left = turn < 4 ? p.loops[std::size_t(turn)] : 0;
        for (int i = 0; i < int(def->steps.size());) {
            const auto& step = def->steps[std::size_t(i)];
            const int64_t plan_ms = planned[step.id];
            Run r{turn, step.id, speaker, plan_ms, 0, "next", t, t};
            last_turn = turn;
            last_index = i;
            int next_i = i + 1;
            if (p.end_after >= 0 && int(runs.size()) == p.end_after) {
                r.actual = plan_ms * ctx.uniform(20, 60) / 100 + ctx.uniform(0, 999);
                r.outcome = "ended_early";
                ended_early = true;
            } else if (step.check && left > 0) {
                r.actual = actual_of(ctx, step, plan_ms, true);
                r.outcome = "not_quite";
                --left;
                ++loops;
                next_i = step.check->loop_back_index;
            } else {
                r.actual = actual_of(ctx, step, plan_ms, false);
                r.outcome = step.check ? "got_it" : "next";
            }
            // Like the engine: one moment closes a step and opens the next.
            r.ended = r.started + milliseconds{r.actual};
            t = r.ended;
            runs.push_back(r);
            if (ended_early) break;
            i = next_i;
        }
    }
    const Run& last = runs.back();
    const WallTime closing = last.ended;
    const WallTime ended = ended_early ? closing : closing + seconds{ctx.uniform(60, 200)};
    const WallTime rated = ended + (ended_early ? seconds{ctx.uniform(30, 90)} : seconds{0});
    const bool any_rating = p.felt[0] || p.felt[1];
    const WallTime updated = any_rating || !ended_early ? rated : ended;
    if (updated > ctx.now) return std::nullopt;

    const std::string id = new_uuid();
    const std::string started_text = format_utc(start);
    auto& st = ctx.model.db.prepare(
        "INSERT INTO exercise_session(id, exercise_id, exercise_version, topic, source_break, first_speaker, rounds,"
        " durations_json, state, turn, step_index, step_seq, anchor_at, anchor_elapsed_ms, paused_at, clarify_loops,"
        " topic_talked_through, started_at, ended_at, created_at, updated_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, NULL, ?15, ?16, ?17, ?18, ?17, ?19)");
    st.bind(1, id).bind(2, def->id).bind(3, def->version).bind(4, p.topic).bind(5, p.source_break)
        .bind(6, ctx.partner_ids[std::size_t(p.first)]).bind(7, rounds).bind(8, durations)
        .bind(9, ended_early ? "ended_early" : "finished")
        .bind(10, ended_early ? last_turn : turns).bind(11, ended_early ? last_index : 0)
        .bind(12, int(runs.size()) - 1).bind(13, format_utc(closing)).bind(14, ended_early ? last.actual : int64_t(0))
        .bind(15, loops).bind(16, p.talked_through).bind(17, started_text).bind(18, format_utc(ended))
        .bind(19, format_utc(updated));
    st.run();

    auto& step_st = ctx.model.db.prepare(
        "INSERT INTO exercise_step(id, session_id, seq, turn, step_id, speaker, listener, planned_ms, actual_ms, outcome,"
        " started_at, ended_at, created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Run& r = runs[i];
        step_st.reset();
        step_st.bind(1, new_uuid()).bind(2, id).bind(3, int(i)).bind(4, r.turn).bind(5, r.step_id)
            .bind(6, ctx.partner_ids[std::size_t(r.speaker)]).bind(7, ctx.partner_ids[std::size_t(1 - r.speaker)])
            .bind(8, r.planned).bind(9, r.actual).bind(10, r.outcome).bind(11, format_utc(r.started))
            .bind(12, format_utc(r.ended));
        step_st.run();
    }
    auto& rate_st = ctx.model.db.prepare(
        "INSERT INTO exercise_rating(id, session_id, partner, felt_heard, note, created_at, updated_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)");
    for (int slot = 0; slot < 2; ++slot) {
        if (!p.felt[std::size_t(slot)]) continue;
        rate_st.reset();
        rate_st.bind(1, new_uuid()).bind(2, id).bind(3, ctx.partner_ids[std::size_t(slot)])
            .bind(4, *p.felt[std::size_t(slot)]).bind(5, p.notes[std::size_t(slot)]).bind(6, format_utc(rated));
        rate_st.run();
    }
    return WrittenSession{id, start, updated};
}

// The demo's sessions, oldest first. break_index points into kPastBreaks.
struct DemoSession {
    int weeks_ago;
    int break_index;          // -1: a topic of their own
    const char* topic;
    const char* exercise;
    int first;
    std::array<int, 4> loops;
    int end_after;
    std::array<int, 2> felt;  // 0: not rated
    std::array<const char*, 2> notes;
    bool talked_through;
    bool in_review;           // started in that week's review (when there was one)
    int share_seconds;
};

constexpr DemoSession kSessions[] = {
    {25, 0, nullptr, "reflect-and-clarify", 1, {1, 0}, -1, {3, 3},
     {"", "Hard to stay in the listener chair at first. Easier the second time round."}, true, false, 0},
    {22, 1, nullptr, "reflect-and-clarify", 0, {0, 1}, -1, {3, 4}, {"", ""}, true, false, 0},
    {19, -1, "Feeling like flatmates when I’m on nights", "reflect-and-clarify", 0, {1, 0}, -1, {4, 3},
     {"Sam got it on the second try, and that second try was spot on.", ""}, true, true, 240},
    {17, -1, "Christmas — your parents’ or mine?", "reflect-and-clarify", 1, {2, 0}, 6, {0, 0}, {"", ""}, false, false, 0},
    {14, -1, "The little things this month", "appreciation-exchange", 0, {0, 1, 0, 0}, -1, {5, 5},
     {"Hearing about the car and the ice again made me tear up a bit ♥", "I want to do this one more often."}, false, false, 0},
    {13, -1, "Christmas — your parents’ or mine?", "reflect-and-clarify", 0, {1, 1}, -1, {4, 4},
     {"Much calmer than last time. We have a plan: Boxing Day with mine.", ""}, true, false, 0},
    {11, 4, nullptr, "reflect-and-clarify", 0, {2, 1}, -1, {4, 4},
     {"", "I hadn’t understood how much the garden matters to Maya. I do now."}, true, false, 240},
    {9, -1, "Wanting to see my family more", "reflect-and-clarify", 0, {0, 1}, -1, {4, 5}, {"", ""}, false, false, 0},
    {7, 5, nullptr, "reflect-and-clarify", 1, {1, 0}, -1, {4, 4}, {"", ""}, false, false, 0},
    {5, -1, "How drained I am after parents’ evenings", "reflect-and-clarify", 1, {0, 0}, -1, {5, 4},
     {"", "Maya said “it makes sense you’re wiped out” and I felt my shoulders drop."}, true, true, 0},
    {3, 6, nullptr, "reflect-and-clarify", 0, {1, 1}, -1, {4, 5}, {"", ""}, false, false, 0},
    {1, 7, nullptr, "reflect-and-clarify", 1, {0, 1}, -1, {5, 5},
     {"Short and kind. We agreed: a quick text before saying yes to anything.", ""}, true, false, 180},
};

// About a dozen sessions over the half year: most on a break's topic the day
// after it, a few of their own (two started in a weekly review), one ended
// early and picked up again weeks later, one appreciation exchange. Felt
// heard rises as they get the hang of it. None is left under way.
void add_listening(DemoContext& ctx) {
    const Date this_monday = week_start(ctx.today);
    for (const auto& s : kSessions) {
        SessionPlan p;
        p.exercise_id = s.exercise;
        p.first = s.first;
        p.loops = s.loops;
        p.end_after = s.end_after;
        for (int slot = 0; slot < 2; ++slot)
            if (s.felt[std::size_t(slot)] > 0) p.felt[std::size_t(slot)] = s.felt[std::size_t(slot)];
        p.notes = s.notes;
        p.talked_through = s.talked_through;
        p.share_seconds = s.share_seconds;
        WallTime start;
        bool in_review = false;
        if (s.break_index >= 0 && std::size_t(s.break_index) < ctx.past_breaks.size()) {
            // The evening after the break, back on the topic (before it was marked talked through).
            const auto& b = ctx.past_breaks[std::size_t(s.break_index)];
            p.topic = b.topic;
            p.source_break = b.id;
            start = b.start + hours{22} + minutes{ctx.uniform(30, 80)};
        } else {
            p.topic = s.topic ? s.topic : "";
            const Date monday = add_days(this_monday, -7 * s.weeks_ago);
            start = local_midnight(add_days(monday, ctx.uniform(0, 3))) + hours{20} + minutes{ctx.uniform(0, 50)};
            if (s.in_review)
                for (const auto& slot : ctx.review_slots)
                    if (slot.monday == monday) {
                        start = slot.at + minutes{ctx.uniform(22, 30)};
                        in_review = true;
                    }
        }
        start = jitter(ctx, start);
        if (start > ctx.now - hours{2}) continue;
        if (auto w = write_session(ctx, p, start))
            ctx.sessions.push_back({w->id, p.topic, p.source_break.has_value(), p.talked_through, in_review, w->start, w->end});
    }
}

// ---------------------------------------------------------------------------
// Weekly reviews (written as rows: the API would date them today, as late)
// ---------------------------------------------------------------------------

constexpr const char* kWentWell[] = {
    "The Friday date felt like us again: no phones, a long talk, and walking home arm in arm.",
    "We kept every evening check-in, even Thursday’s, when we were both shattered.",
    "Sam dealt with the landlord, Maya took Biscuit to the vet. Good teamwork week.",
    "We laughed a lot. The crazy-golf rivalry is real and it is not over.",
    "The Sunday walk in the rain — nobody else out, just us and the ducks.",
    "Maya’s Spanish test (78%!) and the celebration paella.",
    "We talked about Christmas early and calmly. Actual progress.",
    "We took a break when Tuesday got heated, and came back on time. Then it went fine.",
    "Zoë stayed and it was easy this time, because we’d agreed the plan beforehand.",
    "A quiet week of small kindnesses: tea, lifts, notes on the fridge.",
    "Sam’s inspection went well and we celebrated with a takeaway on the living-room floor.",
    "We both said sorry quickly after the chores thing. That’s new, and good.",
    "Good sleep, good food, good walks. An easy week, and we noticed it.",
    "The listening exercise on Wednesday — reflecting back really slowed us down, in a good way.",
    "Maya got the interview for the senior role; Sam practised questions with her twice.",
    "Hardly any phones at dinner. It felt noticeably different.",
    "Dinner with both sets of parents went smoothly; we had each other’s backs.",
    "We planned the summer trip without a single sigh. Lisbon, here we come.",
    "Biscuit is better, and so are we after a worrying week.",
    "We both wrote more appreciations than usual, and reading them aloud was lovely.",
    "Sunday lie-in, crossword, slow lunch. Exactly what we needed.",
    "We stayed kind even when tired. Small thing, big difference.",
    "The first warm evening: we ate outside and stayed out until the stars came out.",
    "Sam played the new song for me. I had goosebumps, honestly.",
    "We finally sorted the spare room together — and found the crème brûlée torch!",
    "Lots of hugs at the door this week. The six-second kiss is becoming a habit.",
};

constexpr const char* kMayaLoved[] = {
    "Text me once during Thursday’s long shift, just to say hi.",
    "Make the coffee on Tuesday so I can sleep ten more minutes.",
    "Ask me about the Spanish test and let me show off a bit.",
    "A long hug when I get in on Wednesday, before we talk about anything.",
    "Plan Saturday so I don’t have to think about it.",
    "Come to bed at the same time as me at least twice this week.",
    "Sit with me while I call Mum on Sunday.",
    "Phones in the drawer at dinner, every night.",
    "Tell me one thing you like about me. No reason needed.",
    "Take Biscuit out on my early days.",
    "Hold my hand on the Sunday walk.",
    "Help me finish the budget spreadsheet without sighing.",
    "Cook the lentil thing on Monday; I’ll be wrecked after nights.",
    "Notice when I’m quiet, and ask.",
    "Put our playlist on while we tidy on Saturday.",
    "Come running with me once, even if it’s slow.",
    "Remind me I’m more than my job.",
    "Kiss me properly at the door — the six-second kind.",
    "Leave me one of your sticky notes.",
    "Keep Friday evening just for us.",
    "Be patient with me; the rota is brutal this week.",
    "Ask “how was your day, really?” and wait for the real answer.",
    "Plan something small for after my 10k — café, cake, you.",
};

constexpr const char* kSamLoved[] = {
    "Come to the open mic on Friday, even if it’s just for my one song.",
    "Remind me to stop marking at nine.",
    "Let me cook for you on Sunday, and tell me what you liked.",
    "A hug before your early shift, even if I’m half asleep.",
    "Ask me how the Year 11 mocks went.",
    "Sit with me while I ring Dad.",
    "Give me twenty quiet minutes when I get in; then I’m all yours.",
    "Tell me when something I do helps. I don’t always know.",
    "Try the new rye recipe with me on Saturday.",
    "Come to the pub after parents’ evening, even for half an hour.",
    "Plan one small surprise; it doesn’t have to cost anything.",
    "Leave me a note in my lunchbox. I still have the last one.",
    "Come to Zoë’s birthday drinks with me, even for an hour.",
    "Tell me about your day before I tell you about mine.",
    "Be gentle with me about the flat-pack disaster.",
    "Walk Biscuit with me in the evening so we get some time before bed.",
    "Say yes to the pottery taster on Thursday.",
    "Put your phone down when I’m telling a story.",
    "Let me have a lie-in on Saturday; I’ll make pancakes after.",
    "Dance with me in the kitchen at least once.",
    "Ask how the inspection went, and just listen.",
    "Write one thing you appreciated in the jar by the door.",
    "Practise your Spanish on me over breakfast. I like learning it with you.",
};

constexpr const char* kNewIssues[] = {
    "Who plans the weekends",
    "Scrolling in bed",
    "The budget for the summer trip",
    "How often we see my friends",
    "Dog walks on my early-shift days",
    "Tidying up before guests arrive",
    "Zoë’s birthday plans",
    "Whose turn it is to ring the landlord",
    "Saving for a deposit",
};

struct ReviewRow {
    Date monday;
    WallTime started, finished;
    std::string went_well;
    const char* issue_source = "none";
    std::optional<std::string> issue_break, issue_from_session, issue_session, issue_day, issue_time;
    std::string issue_topic;
    const char* issue_outcome = "none";
    std::array<std::optional<int>, 2> connection;
    std::array<std::string, 2> loved;
    std::vector<std::string> plan_ids;
};

// One finished review with its check-ins and plans; skipped when the week
// already has one (a long history added to the demo).
void write_review(DemoContext& ctx, const ReviewRow& r) {
    auto& db = ctx.model.db;
    const std::string id = new_uuid();
    const std::string started = format_utc(r.started), finished = format_utc(r.finished);
    db.prepare("INSERT INTO weekly_review(id, week, step, started_at, finished_at, went_well_note, issue_source, issue_break,"
               " issue_from_session, issue_topic, issue_outcome, issue_session, issue_day, issue_time, issue_plan,"
               " created_at, updated_at) VALUES(?1, ?2, 4, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, NULL, ?3, ?4)"
               " ON CONFLICT(week) DO NOTHING")
        .bind(1, id).bind(2, format_iso_week(iso_week(r.monday))).bind(3, started).bind(4, finished)
        .bind(5, r.went_well).bind(6, r.issue_source).bind(7, r.issue_break).bind(8, r.issue_from_session)
        .bind(9, r.issue_topic).bind(10, r.issue_outcome).bind(11, r.issue_session).bind(12, r.issue_day)
        .bind(13, r.issue_time).run();
    if (db.changes() == 0) return;
    // The check-in comes near the end; the plans last.
    const std::string checked = format_utc(r.finished - minutes{12} + seconds{ctx.uniform(0, 59)});
    const std::string planned = format_utc(r.finished - minutes{4} + seconds{ctx.uniform(0, 59)});
    auto& c = db.prepare("INSERT INTO weekly_review_checkin(id, review_id, partner, connection, loved_answer, created_at,"
                         " updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)");
    for (int slot = 0; slot < 2; ++slot) {
        c.reset();
        c.bind(1, new_uuid()).bind(2, id).bind(3, ctx.partner_ids[std::size_t(slot)]).bind(5, r.loved[std::size_t(slot)])
            .bind(6, checked);
        if (r.connection[std::size_t(slot)]) c.bind(4, *r.connection[std::size_t(slot)]);
        else c.bind_null(4);
        c.run();
    }
    auto& pl = db.prepare("INSERT INTO weekly_review_plan(id, review_id, plan_id, position, created_at, updated_at)"
                          " VALUES(?1, ?2, ?3, ?4, ?5, ?5)");
    for (std::size_t i = 0; i < r.plan_ids.size(); ++i) {
        pl.reset();
        pl.bind(1, new_uuid()).bind(2, id).bind(3, r.plan_ids[i]).bind(4, int(i)).bind(5, planned);
        pl.run();
    }
}

// A connection rating around `base`, a point either way.
int connection_near(DemoContext& ctx, double base) {
    return std::clamp(int(std::lround(base + ctx.uniform(-10, 10) / 10.0)), 2, 10);
}

// A finished review on each past week's Sunday that had one (about 22 of 25),
// not this week's. The issue is the week's break topic when there was one
// (listened to when a session followed it), a listening topic still open, a
// topic of their own, or nothing pressing; connection rises gently.
void add_reviews(DemoContext& ctx) {
    const Date this_monday = week_start(ctx.today);
    std::vector<const char*> went(std::begin(kWentWell), std::end(kWentWell));
    std::array<std::vector<const char*>, 2> loved{std::vector<const char*>(std::begin(kMayaLoved), std::end(kMayaLoved)),
                                                  std::vector<const char*>(std::begin(kSamLoved), std::end(kSamLoved))};
    std::vector<const char*> issues(std::begin(kNewIssues), std::end(kNewIssues));
    ctx.shuffle(went);
    ctx.shuffle(loved[0]);
    ctx.shuffle(loved[1]);
    ctx.shuffle(issues);
    std::size_t next_went = 0, next_issue = 0;
    std::array<std::size_t, 2> next_loved{};
    std::set<std::string> used_topics;

    for (const auto& slot : ctx.review_slots) {
        const int weeks_ago = days_between(slot.monday, this_monday) / 7;
        if (weeks_ago < 1) continue;
        ReviewRow r;
        r.monday = slot.monday;
        r.started = slot.at;
        WallTime last_thing = slot.at + minutes{ctx.uniform(45, 62)};
        r.went_well = ctx.chance(0.92) ? went[next_went++ % went.size()] : "";

        const WallTime week_from = local_midnight(slot.monday);
        // 1. A session started in this review: the issue was listened to there and then.
        const DemoContext::SessionInfo* in_review = nullptr;
        for (const auto& s : ctx.sessions)
            if (s.in_review && s.start >= slot.at && s.start < slot.at + hours{2}) in_review = &s;
        // 2. A break this week with a topic.
        const DemoContext::BreakInfo* brk = nullptr;
        for (const auto& b : ctx.past_breaks)
            if (!b.topic.empty() && b.start >= week_from && b.start < slot.at) brk = &b;
        bool had_break = false;
        for (const auto& b : ctx.past_breaks)
            if (b.start >= week_from && b.start < slot.at) had_break = true;

        if (in_review) {
            r.issue_source = "new";
            r.issue_topic = in_review->topic;
            r.issue_outcome = "listened";
            r.issue_session = in_review->id;
            last_thing = in_review->end + minutes{ctx.uniform(8, 15)};
        } else if (brk) {
            r.issue_source = "break";
            r.issue_break = brk->id;
            r.issue_topic = brk->topic;
            const DemoContext::SessionInfo* after = nullptr;
            for (const auto& s : ctx.sessions)
                if (s.from_break && s.topic == brk->topic && s.start > brk->start) after = &s;
            if (after && after->start < slot.at) {
                r.issue_outcome = "listened";
                r.issue_session = after->id;
            } else if (after) {
                r.issue_outcome = "scheduled";
                r.issue_day = format_date(local_date(after->start));
                r.issue_time = local_clock_time(after->start);
            } else {
                r.issue_outcome = "left";
            }
        } else {
            // A listening topic still open from the last fortnight, else one of their own, or nothing.
            const DemoContext::SessionInfo* open = nullptr;
            for (const auto& s : ctx.sessions)
                if (!s.from_break && !s.talked_through && !s.topic.empty() && s.end < slot.at &&
                    s.start >= slot.at - days{14} && !used_topics.count(s.topic))
                    open = &s;
            if (open) {
                used_topics.insert(open->topic);
                r.issue_source = "session";
                r.issue_from_session = open->id;
                r.issue_topic = open->topic;
                r.issue_outcome = "scheduled";
                const Date day = add_days(slot.monday, 7 + 5);
                r.issue_day = format_date(day);
                r.issue_time = "10:30";
            } else if (ctx.chance(0.6)) {
                r.issue_source = "new";
                r.issue_topic = issues[next_issue++ % issues.size()];
                if (ctx.chance(0.5)) {
                    r.issue_outcome = "left";
                } else {
                    r.issue_outcome = "scheduled";
                    r.issue_day = format_date(add_days(slot.monday, 7 + ctx.uniform(1, 3)));
                    r.issue_time = ctx.chance(0.5) ? "20:00" : "20:30";
                }
            }
        }

        const double base = 5.6 + (25 - weeks_ago) * 0.09 - (had_break ? 0.8 : 0.0);
        for (int s = 0; s < 2; ++s) {
            r.connection[std::size_t(s)] = connection_near(ctx, base);
            if (!ctx.chance(0.05)) r.loved[std::size_t(s)] = loved[std::size_t(s)][next_loved[std::size_t(s)]++ % loved[std::size_t(s)].size()];
        }
        // Next week's date (and anything else planned for it) was made here.
        for (const auto& [monday, plan_id] : ctx.date_plans)
            if (monday == add_days(slot.monday, 7)) r.plan_ids.push_back(plan_id);
        r.finished = not_after_now(ctx, jitter(ctx, last_thing));
        write_review(ctx, r);
    }
}

// ---------------------------------------------------------------------------
// The long history's plans, sessions and reviews (fast, direct rows)
// ---------------------------------------------------------------------------

constexpr const char* kLongTopics[] = {
    "Money, and who decides what",
    "Time with friends versus time together",
    "Holidays with family",
    "Feeling taken for granted around the house",
    "When work comes home with us",
    "How we talk to each other when we’re tired",
    "Planning for a bigger place",
    "Screens in the evening",
    "What we each need on a bad day",
    "Sharing the dog walks fairly",
    "Keeping date night when life is busy",
    "How we handle each other’s parents",
};

struct LongPlanWriter {
    DemoContext& ctx;
    Statement& plan;
    Statement& occ;
    Statement& rating;

    explicit LongPlanWriter(DemoContext& c)
        : ctx(c),
          plan(c.model.db.prepare(
              "INSERT INTO plan(id, title, kind_id, day, start_time, length_minutes, place, notes, suggested_by,"
              " phones_away, repeat, weekdays, interval_weeks, until, idea_id, sequence, created_at, updated_at)"
              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, 1, ?9, ?10, 1, NULL, NULL, 0, ?11, ?11)")),
          occ(c.model.db.prepare(
              "INSERT INTO plan_occurrence(id, plan_id, original_day, state, memory, created_at, updated_at)"
              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)")),
          rating(c.model.db.prepare(
              "INSERT INTO plan_rating(id, occurrence_id, partner, stars, created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?5)")) {}

    std::string add(const std::string& title, const char* kind, Date day, int start, int length, const char* place,
                    unsigned weekdays, WallTime made) {
        const std::string id = new_uuid();
        plan.reset();
        plan.bind(1, id).bind(2, title).bind(3, kind).bind(4, format_date(day)).bind(5, format_hhmm(start))
            .bind(6, length).bind(7, place).bind(8, ctx.partner_ids[std::size_t(ctx.uniform(0, 1))])
            .bind(9, weekdays ? "weekly" : "none").bind(10, int64_t(weekdays)).bind(11, format_utc(not_after_now(ctx, made)));
        plan.run();
        return id;
    }

    // An occurrence that is over: done (rated, now and then a memory), skipped, or never ticked off.
    void settle(const std::string& plan_id, Date day, int start, int length, const char* memory) {
        const WallTime begin = local_at(day, start);
        const WallTime end = begin + minutes{length};
        if (end > ctx.now) return;
        const int r = ctx.uniform(0, 99);
        if (r < 5) return;
        const bool done = r >= 13;
        const std::string id = new_uuid();
        const std::string t = format_utc(not_after_now(ctx, end + minutes{ctx.uniform(20, 150)}));
        occ.reset();
        occ.bind(1, id).bind(2, plan_id).bind(3, format_date(day)).bind(4, done ? "done" : "skipped")
            .bind(5, done && memory && ctx.chance(0.3) ? memory : "").bind(6, t);
        occ.run();
        if (!done) return;
        auto stars = rating_pair(ctx, 1);
        for (int slot = 0; slot < 2; ++slot) {
            rating.reset();
            rating.bind(1, new_uuid()).bind(2, id).bind(3, ctx.partner_ids[std::size_t(slot)])
                .bind(4, stars[std::size_t(slot)]).bind(5, t);
            rating.run();
        }
    }
};

// A Sunday walk every week and a date every Friday or Saturday for `years`
// years up to next week. Returns the date plans by week (oldest first).
std::vector<std::pair<Date, std::string>> add_long_plans(DemoContext& ctx, int years) {
    const int span = int(std::lround(std::max(years, 0) * 365.2425));
    const Date first_monday = week_start(add_days(ctx.today, -span));
    const Date this_monday = week_start(ctx.today);
    LongPlanWriter w(ctx);
    const Date first_sunday = add_days(first_monday, 6);
    const std::string walk = w.add("Sunday walk", "ritual", first_sunday, 10 * 60 + 30, 90, "The usual loop", kSunday,
                                   local_midnight(add_days(first_sunday, -2)) + hours{20});
    std::vector<std::pair<Date, std::string>> dates;
    for (Date monday = first_monday; monday <= add_days(this_monday, 7); monday = add_days(monday, 7)) {
        const Date sunday = add_days(monday, 6);
        w.settle(walk, sunday, 10 * 60 + 30, 90, ctx.pick(kWalkMemories));
        const DemoDate& d = ctx.pick(kDates);
        const Date day = add_days(monday, ctx.chance(0.6) ? 4 : 5);
        const int start = 19 * 60 + 30 * ctx.uniform(0, 2);
        const std::string id = w.add(d.title, "date", day, start, d.minutes, d.place, 0,
                                     local_midnight(add_days(monday, -1)) + hours{19} + minutes{ctx.uniform(30, 59)});
        w.settle(id, day, start, d.minutes, d.memory);
        dates.emplace_back(monday, id);
    }
    ctx.model.db.exec("UPDATE plan SET updated_at = max(created_at, coalesce((SELECT max(o.updated_at) FROM plan_occurrence o"
                      " WHERE o.plan_id = plan.id), created_at)) WHERE repeat <> 'none'");
    return dates;
}

// About one listening session a month, felt heard slowly rising over the years.
void add_long_listening(DemoContext& ctx, int years) {
    const int span = int(std::lround(std::max(years, 0) * 365.2425));
    const Date first = add_days(ctx.today, -span);
    for (int offset = ctx.uniform(3, 20); offset < span - 1; offset += ctx.uniform(22, 38)) {
        const Date day = add_days(first, offset);
        SessionPlan p;
        const bool appreciation = ctx.chance(0.15);
        p.exercise_id = appreciation ? "appreciation-exchange" : "reflect-and-clarify";
        p.topic = appreciation ? std::string() : std::string(ctx.pick(kLongTopics));
        p.first = ctx.uniform(0, 1);
        for (auto& l : p.loops) l = ctx.chance(0.35) ? ctx.uniform(1, 2) : 0;
        if (ctx.chance(0.05)) p.end_after = ctx.uniform(1, 6);
        const double base = 3.2 + 1.5 * offset / std::max(span, 1);
        for (int s = 0; s < 2; ++s)
            if (p.end_after < 0 || ctx.chance(0.5))
                p.felt[std::size_t(s)] = std::clamp(int(std::lround(base + ctx.uniform(-8, 8) / 10.0)), 1, 5);
        p.talked_through = !appreciation && p.end_after < 0 && ctx.chance(0.6);
        const WallTime start = jitter(ctx, local_midnight(day) + hours{20} + minutes{ctx.uniform(0, 60)});
        if (start < ctx.now - hours{2}) write_session(ctx, p, start);
    }
}

// A finished review on most Sundays, with check-ins and next week's date.
void add_long_reviews(DemoContext& ctx, const std::vector<std::pair<Date, std::string>>& dates) {
    const Date this_monday = week_start(ctx.today);
    const int n = int(dates.size());
    for (int i = 0; i + 1 < n; ++i) {
        const Date monday = dates[std::size_t(i)].first;
        if (monday >= this_monday) break;
        if (!ctx.chance(0.85)) continue;
        ReviewRow r;
        r.monday = monday;
        r.started = jitter(ctx, local_midnight(add_days(monday, 6)) + hours{19} + minutes{ctx.uniform(0, 60)});
        r.finished = r.started + minutes{ctx.uniform(45, 70)};
        if (r.finished > ctx.now - minutes{1}) continue;
        r.went_well = ctx.pick(kWentWell);
        if (ctx.chance(0.35)) {
            r.issue_source = "new";
            r.issue_topic = ctx.pick(kLongTopics);
            r.issue_outcome = ctx.chance(0.5) ? "left" : "scheduled";
            if (std::string(r.issue_outcome) == "scheduled") {
                r.issue_day = format_date(add_days(monday, 7 + ctx.uniform(1, 3)));
                r.issue_time = "20:00";
            }
        }
        const double base = 6.5 + 1.2 * std::sin(i / 20.0);
        for (int s = 0; s < 2; ++s) {
            r.connection[std::size_t(s)] = connection_near(ctx, base);
            r.loved[std::size_t(s)] = s == 0 ? ctx.pick(kMayaLoved) : ctx.pick(kSamLoved);
        }
        r.plan_ids.push_back(dates[std::size_t(i + 1)].second);
        write_review(ctx, r);
    }
}

} // namespace

void fill_demo_data(Model& model, unsigned seed) {
    try {
        Transaction tx(model.db);
        DemoContext ctx(model, seed);
        add_couple(ctx);
        add_own_category(ctx);
        add_gratitude(ctx);
        add_breaks(ctx);
        add_plans(ctx);
        add_listening(ctx);
        add_reviews(ctx);
        tx.commit();
    } catch (...) {
        model.reload();  // the rollback undid what the caches may hold
        throw;
    }
    model.gratitude.invalidate();
    model.breaks.reload();
    model.ideas.reload();
    model.planner.reload();
    model.sessions.reload();
    model.reviews.reload();
}

void fill_long_history(Model& model, int years, int appreciations, unsigned seed) {
    try {
        Transaction tx(model.db);
        DemoContext ctx(model, seed);
        add_couple(ctx);
        add_own_category(ctx);
        add_long_gratitude(ctx, years, appreciations);
        auto dates = add_long_plans(ctx, years);
        add_long_listening(ctx, years);
        add_long_reviews(ctx, dates);
        tx.commit();
    } catch (...) {
        model.reload();
        throw;
    }
    model.gratitude.invalidate();
    model.planner.reload();
    model.sessions.reload();
    model.reviews.reload();
}

} // namespace hearth
